/**
 * What a deployed stage tells the site at run time (`/config.json`, written by the stack; served by the local
 * gateway locally), so one build serves every stage.
 */
export type AuthConfig =
  | { readonly kind: 'local'; readonly tokenUrl: string }
  | {
      readonly kind: 'cognito';
      /** The managed login domain, e.g. https://rabta-prod.auth.ap-south-1.amazoncognito.com */
      readonly domain: string;
      readonly clientId: string;
    };

export interface SiteConfig {
  /** Base URL of the HTTP API without a trailing slash ('' = this origin). */
  readonly apiUrl: string;
  readonly stage: string;
  /** The police WhatsApp number in international digits (wa.me links), when the stage has one. */
  readonly whatsappNumber?: string;
  readonly auth: AuthConfig;
}

let loaded: Promise<SiteConfig> | undefined;

export const loadConfig = (): Promise<SiteConfig> =>
  (loaded ??= fetch('/config.json', { cache: 'no-store' }).then(async (response) => {
    if (!response.ok) throw new Error(`config.json: ${response.status}`);
    return (await response.json()) as SiteConfig;
  }));
