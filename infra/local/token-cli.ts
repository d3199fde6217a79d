/**
 * `npm run token -- --role DPO --district LHR [--region ..] [--station ..] [--circle ..] [--sub ..]
 *   [--name ..] [--phone ..] [--expires 1h] [--port 3000] [--unchecked]`
 * Prints an officer ID token signed by the local issuer's key (.local/), for the runtime on that port.
 * The claims are checked like the officer functions check them, unless --unchecked (to try forged ones).
 */
import { parseArgs } from 'node:util';
import { officerFromClaims } from '../../shared/adapters/auth/claims.ts';
import { OfficerClaimsError } from '../../shared/adapters/auth/errors.ts';
import { defaultOfficerSub, loadLocalIssuer, localIssuerUrl, type OfficerTokenClaims } from './auth.ts';

const { values } = parseArgs({
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
  },
  strict: true,
});

if (!values.role) {
  console.error(
    'usage: npm run token -- --role <SHO|SDPO|DPO|RPO|CPO|ADMIN> [--district LHR] [--region lahore] ...',
  );
  process.exit(2);
}
const role = values.role.toUpperCase();
const claims: OfficerTokenClaims = {
  sub: values.sub ?? defaultOfficerSub(role, values),
  'custom:role': role,
  ...(values.district ? { 'custom:district': values.district } : {}),
  ...(values.region ? { 'custom:region': values.region } : {}),
  ...(values.station ? { 'custom:station': values.station } : {}),
  ...(values.circle ? { 'custom:circle': values.circle } : {}),
  ...(values.name ? { name: values.name } : {}),
  ...(values.phone ? { phone_number: values.phone } : {}),
};

if (!values.unchecked) {
  try {
    officerFromClaims(claims);
  } catch (error) {
    if (!(error instanceof OfficerClaimsError)) throw error;
    console.error(`${error.message}\n(use --unchecked to sign them anyway)`);
    process.exit(2);
  }
}

const port = Number(values.port ?? process.env.PORT ?? 3000);
const issuer = await loadLocalIssuer({ issuer: localIssuerUrl(port) });
console.log(await issuer.sign(claims, { expiresIn: values.expires }));
