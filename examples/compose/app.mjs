// The app of the compose example (docker-compose.yml): signs in to EventBookings through the mocks
// with the demo client and reads GET /me, as an app under test would. Exits 1 when a call fails.
const base = process.env.AUTHFLOW_MOCKS_URL ?? 'http://mocks:4010';

const tokenResponse = await fetch(`${base}/identity.eventbookings.com/connect/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: 'eb-demo-events',
    client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c',
  }),
});
if (!tokenResponse.ok) {
  console.error(`app: the token request answered ${tokenResponse.status}`);
  process.exit(1);
}
const { access_token } = await tokenResponse.json();
const me = await fetch(`${base}/api.eventbookings.com/me`, { headers: { authorization: `Bearer ${access_token}` } });
if (!me.ok) {
  console.error(`app: GET /me answered ${me.status}`);
  process.exit(1);
}
console.log(`app: signed in to EventBookings as ${(await me.json()).name}`);
