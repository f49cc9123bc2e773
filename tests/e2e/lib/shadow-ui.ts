import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Our UI lives in a closed shadow root, out of reach of page scripts and of Playwright's
 * locators. The DevTools protocol sees through it: find an element by data-testid and return
 * its box (undefined when absent or not laid out).
 */
export async function uiBox(page: Page, testId: string): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): CdpNode | undefined => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-testid' && a[i + 1] === testId) return n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return undefined;
    };
    const node = find(root);
    if (!node) return undefined;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[]; width: number; height: number } };
    const [x, y] = model.content as [number, number];
    return model.width && model.height ? { x, y, width: model.width, height: model.height } : undefined;
  } catch {
    return undefined;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A real (trusted) mouse click in the middle of our UI element. */
export async function clickUi(page: Page, testId: string): Promise<void> {
  const box = await uiBox(page, testId);
  if (!box) throw new Error(`${testId} is not shown`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export const uiShown = async (page: Page, testId: string): Promise<boolean> => (await uiBox(page, testId)) !== undefined;
