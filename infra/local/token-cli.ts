/**
 * `npm run token -- --role DPO --district LHR [--region ..] [--station ..] [--circle ..] [--sub ..]
 *   [--name ..] [--phone ..] [--expires 1h] [--port 3000] [--unchecked]`
 * Prints an officer ID token signed by the local issuer's key (.local/), for the runtime on that port.
 * The claims are checked like the officer functions check them, unless --unchecked (to try forged ones).
 */
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { officerFromClaims } from '../../shared/adapters/auth/claims.ts';
import { OfficerClaimsError } from '../../shared/adapters/auth/errors.ts';
import { defaultOfficerSub, loadLocalIssuer, localIssuerUrl, officerTokenClaims } from './auth.ts';

const USAGE = `usage: npm run token -- --role <SHO|SDPO|DPO|RPO|CPO|ADMIN> [options]

Prints an officer ID token signed by the local issuer (.local/) for the runtime of \`npm start\`.

  --role <role>        the post: SHO, SDPO, DPO, RPO, CPO or ADMIN (required)
  --district <code>    district code, e.g. LHR (SHO, SDPO, DPO)
  --region <name>      region, e.g. lahore (RPO)
  --station <name>     police station (SHO), e.g. Gulberg
  --circle <name>      circle (SDPO)
  --sub <id>           the officer's id (default: derived from role and area)
  --name <text>        display name
  --phone <number>     WhatsApp number for SLA alerts
  --expires <span>     lifetime, e.g. 30m, 12h (default 12h)
  --port <n>           the port \`npm start\` listens on (default: $PORT, else 3000); the issuer names it
  --unchecked          sign claims the officer functions would refuse (to try forged ones)
  -h, --help           this text

example: npm run token -- --role SHO --district LHR --station Gulberg --port 3000`;

const parsed = (() => {
  try {
    return parseArgs({
      options: {
        role: { type: 'string' },
        district: { type: 'string' },
        region: { type: 'string' },
        station: { type: 'string' },
        circle: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        phone: { type: 'string' },
        expires: { type: 'string', default: '12h' },
        port: { type: 'string' },
        unchecked: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (error) {
    // An unknown or malformed option: say which, then how to call it, without a stack trace.
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
const { values } = parsed;

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.role) {
  console.error(USAGE);
  process.exit(2);
}
const role = values.role.toUpperCase();
const claims = officerTokenClaims({
  sub: values.sub ?? defaultOfficerSub(role, values),
  role,
  district: values.district,
  region: values.region,
  station: values.station,
  circle: values.circle,
  name: values.name,
  phone: values.phone,
});

const port = Number(values.port ?? process.env.PORT ?? 3000);
const issuer = await loadLocalIssuer({ issuer: localIssuerUrl(port) });
const token = await issuer.sign(claims, { expiresIn: values.expires });
// Checked as signed (token_use, iat and exp included), the way the officer functions check it.
if (!values.unchecked) {
  try {
    officerFromClaims(decodeJwt(token));
  } catch (error) {
    if (!(error instanceof OfficerClaimsError)) throw error;
    console.error(`${error.message}\n(use --unchecked to sign them anyway)`);
    process.exit(2);
  }
}
console.log(token);
