// A token URL for the click-to-call extension: node token-server.mjs (Node 18+, no packages).
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
const { STRINGEE_API_KEY_SID: SID, STRINGEE_API_KEY_SECRET: SECRET, PORT = 8080 } = process.env;
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
createServer((req, res) => {
  const userId = new URL(req.url, 'http://localhost').searchParams.get('userId');
  // Decide here whether the caller may sign in as userId (your own login, network, VPN).
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ typ: 'JWT', alg: 'HS256', cty: 'stringee-api;v=1' })}.${b64({ jti: `${SID}-${now}`, iss: SID, exp: now + 3600, userId })}`;
  const token = `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(JSON.stringify({ token }));
}).listen(PORT);
