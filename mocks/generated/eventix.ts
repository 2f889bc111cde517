/**
 * Auto-generated from specs/eventix.openapi.yaml by `npm run generate` (openapi-typescript).
 * Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export interface paths {
    "/tokens/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start the authorization-code grant (redirects back with a code)
         * @description The real endpoint shows a login page; the mock has none. It signs in the client's default
         *     fixture user, or the fixture user a `login_hint` names (by guid or email), and redirects
         *     (302) to the registered `redirect_uri` with `code` and `state`.
         *
         *     Errors are answered as league/oauth2-server 9.x (`AuthorizationServer` and
         *     `AuthCodeGrant::validateAuthorizationRequest`) answers them, as JSON and never
         *     redirected: no `response_type` → 400 `invalid_request`; a `response_type` other than
         *     `code`, or no `client_id` → 400 `unsupported_grant_type`; an unknown client, a
         *     `redirect_uri` the client has not registered, or none when it has several registered →
         *     401 `invalid_client` (league's `validateRedirectUri` → `invalidClient`); a bad PKCE
         *     challenge → 400 `invalid_request`. Every body but `invalid_client`'s carries league's
         *     `hint`. Only an unknown `login_hint` (the mock's stand-in for a user who declines)
         *     redirects, with `error=access_denied` and the `state`.
         *
         *     PKCE (RFC 7636): with `code_challenge` (and `code_challenge_method` `S256` or `plain`,
         *     `plain` when absent), the code can only be exchanged with the matching `code_verifier`.
         *     The redirect carries `Cache-Control: no-store` and `Pragma: no-cache`.
         */
        get: operations["authorize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OAuth 2.0 authorization server metadata (RFC 8414)
         * @description The endpoints, grants, client authentication methods and PKCE methods of the auth host,
         *     for clients that discover them (`discovery(…, { algorithm: 'oauth2' })` in
         *     openid-client, `discoveryRequest(…, { algorithm: 'oauth2' })` in oauth4webapi). The
         *     issuer is the URL the auth host was reached at: `https://auth.eventix.io` under MSW;
         *     through the standalone server `http://127.0.0.1:4010/auth.eventix.io`, whose metadata
         *     RFC 8414 §3.1 places at `http://127.0.0.1:4010/.well-known/oauth-authorization-server/auth.eventix.io`
         *     (the server answers both that URL and `…/auth.eventix.io/.well-known/oauth-authorization-server`).
         */
        get: operations["getAuthorizationServerMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Older path of the authorization endpoint (same behaviour)
         * @description The authorization endpoint at its older path `/token/authorize`: the same parameters, redirect
         *     and errors as `authorize` (`/tokens/authorize`), one state shared by both paths and every
         *     auth host.
         */
        get: operations["authorizeLegacy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an authorization code, or refresh a token
         * @description `grant_type=authorization_code` (with `code`, `redirect_uri` and, for a code issued with
         *     a PKCE challenge, `code_verifier`) or `grant_type=refresh_token` (with `refresh_token`),
         *     plus `client_id` and `client_secret` in the body (or HTTP Basic: taken as they are after
         *     base64, no URL-decoding; each body parameter wins over its Basic value). JSON and form bodies are both
         *     accepted.
         *
         *     `companies` (company GUIDs, comma- or space-separated) chooses the companies the new
         *     token covers, among the user's (or, on a refresh, among the refreshed token's); absent
         *     or blank → all of them. A company outside them → 400 `invalid_scope`. The token
         *     response lists the chosen companies in `info.companies`.
         *
         *     PKCE (RFC 7636): a code issued with a challenge needs `code_verifier` (missing or not
         *     43 to 128 unreserved characters → `invalid_request`; not matching → `invalid_grant`);
         *     a `code_verifier` for a code issued without a challenge → `invalid_request`. A failed
         *     check does not spend the code.
         *
         *     Errors follow league/oauth2-server 9.x (`AbstractGrant`, `AuthCodeGrant`,
         *     `RefreshTokenGrant`), in its payload `{error, error_description, hint}` (league's fixed
         *     `error_description` per error type; `hint` says which check failed; no `hint` for
         *     `invalid_client`):
         *     - no or an unknown `grant_type` → 400 `unsupported_grant_type`, before the client is read;
         *     - no `client_id` → 400 `invalid_request`; an unknown client or a wrong secret → 401
         *       `invalid_client`, with `WWW-Authenticate: Basic realm="OAuth"` only when the request
         *       sent an Authorization header; a known (confidential) client without `client_secret` →
         *       400 `invalid_request` (hint ``Check the `client_secret` parameter``);
         *     - no `code` / `refresh_token` → 400 `invalid_request`;
         *     - an unknown, expired, revoked or already used code or refresh token → 400 `invalid_grant`;
         *       a refresh token of another client → 400 `invalid_grant`;
         *     - a code issued to another client → 400 `invalid_request` (hint "Authorization code was
         *       not issued to this client");
         *     - no `redirect_uri` although the authorize request named one → 400 `invalid_request`
         *       (hint ``Check the `redirect_uri` parameter``); a `redirect_uri` other than the
         *       authorize request's (or one sent when it named none) → 400 `invalid_request` (hint
         *       "Invalid redirect URI").
         *
         *     The option `leagueVersion: 8.x` answers as league 8.x (Laravel Passport 12 and older):
         *     an expired or used code → 400 `invalid_request`, a known client without a secret → 401
         *     `invalid_client`, a `redirect_uri` the client has not registered → 401 `invalid_client`.
         *
         *     Access tokens live 259200 s (3 days), refresh tokens 365 days. A refresh token is
         *     single-use: refreshing returns a new pair, ends the old access token, and the old refresh
         *     token fails afterwards. Each user/client pair holds at most a capped number of live access
         *     tokens: issuing past the cap ends the least recently used one (with its refresh token).
         */
        post: operations["requestToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Older path of the token endpoint (same behaviour)
         * @description The token endpoint at its older path `/token`: the same grants, client authentication, errors
         *     and token store as `requestToken` (`/tokens`).
         */
        post: operations["requestTokenLegacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user the token was issued to (quick check that a token is valid)
         * @description The user the access token was issued to (guid, name, email, phone, timestamps); a quick check
         *     that a token works. Needs `Authorization: Bearer <access token>`; 401 for a missing, unknown,
         *     expired or revoked token and for a `Company` header naming a company the token does not cover.
         */
        get: operations["getCurrentUser"];
        /**
         * Change the signed-in user's name, email or phone
         * @description Changes the profile fields given (`name`, `email`, `phone`; `phone: null` or `''` clears
         *     it) and answers the user as `GET /users/me` does, with a new `updated_at`. Other fields
         *     (guid, companies, whitelabel) are not the user's to change and are ignored. A body with
         *     none of the three fields, or an invalid one, is refused with 400 and `errors` per field.
         */
        put: operations["updateCurrentUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events of the selected companies
         * @description Every event of the companies the request works on (the token's companies, narrowed by the
         *     `Company` header). Needs a Bearer access token; 401 for a bad token or a company it does not cover.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/event/upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events of the selected companies that have not ended yet (by the mock clock)
         * @description The events of the selected companies that have not ended at the mock clock's time. Needs a
         *     Bearer access token; 401 for a bad token or a company it does not cover.
         */
        get: operations["listUpcomingEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/event/{guid}/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ticket types of one event
         * @description The ticket types of one event of the selected companies. Needs a Bearer access token; 401 for a
         *     bad token or a company it does not cover, 404 for an event that is unknown or of another company.
         */
        get: operations["listEventTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Orders of exactly one company, paginated
         * @description Needs exactly one selected company: a token covering one company works without a
         *     `Company` header; a token covering several needs `Company: <guid>`. Zero or several
         *     selected → 400 `invalid_request`.
         */
        get: operations["listOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        TokenRequest: {
            /** @enum {string} */
            grant_type: "authorization_code" | "refresh_token";
            /** @description For `authorization_code`. */
            code?: string;
            /** @description For `authorization_code`; the URI the code was issued for. */
            redirect_uri?: string;
            /** @description For `refresh_token`. */
            refresh_token?: string;
            /** @description For `authorization_code`, when the authorize request sent a PKCE `code_challenge` (RFC 7636 §4.5). */
            code_verifier?: string;
            /**
             * @description Company GUIDs, comma- or space-separated: the companies the new token covers (among the
             *     user's, or the refreshed token's). Absent or blank → all of them. Inferred name.
             */
            companies?: string;
            client_id?: string;
            client_secret?: string;
        };
        AuthorizationServerMetadata: {
            /** Format: uri */
            issuer: string;
            /** Format: uri */
            authorization_endpoint: string;
            /** Format: uri */
            token_endpoint: string;
            response_types_supported: string[];
            grant_types_supported: string[];
            token_endpoint_auth_methods_supported: string[];
            code_challenge_methods_supported: string[];
        };
        TokenResponse: {
            /** @constant */
            token_type: "Bearer";
            /** @description Seconds; 259200 (3 days) unless configured otherwise. */
            expires_in: number;
            access_token: string;
            refresh_token: string;
            /** @description Seconds; 31536000 (365 days) unless configured otherwise. */
            refresh_token_expires_in: number;
            info: {
                companies: components["schemas"]["CompanyRef"][];
            };
        };
        CompanyRef: {
            /** Format: uuid */
            guid: string;
            name: string;
        };
        User: {
            /** Format: uuid */
            guid: string;
            /** Format: uuid */
            default_company_id: string;
            /** Format: uuid */
            whitelabel_id: string;
            name: string;
            /** Format: email */
            email: string;
            phone: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        /**
         * @description The profile fields to change; at least one. The rules (not blank, an email address, a
         *     phone number of digits, spaces, `()`, `-` and a leading `+`) are the mock's own: no vendor
         *     page publishes them.
         */
        UserUpdate: {
            /** @description Not blank (inferred). */
            name?: string;
            /**
             * Format: email
             * @description An email address (inferred rule).
             */
            email?: string;
            /** @description 5 to 32 digits, spaces, `(`, `)` or `-`, optionally after a `+`; `null` or `''` clears it (inferred rule). */
            phone?: string | null;
        } | unknown | unknown | unknown;
        /** @description The vendor's event ("Setting up events"); dates live in eventDate resources, not here. */
        Event: {
            /** Format: uuid */
            guid: string;
            /** Format: uuid */
            company_id: string;
            /** Format: uuid */
            location_id: string;
            name: string;
            description: string | null;
            /** @example normal */
            status: string;
            /**
             * @description Legacy, but still required by the vendor.
             * @enum {string}
             */
            type: "once" | "recurring";
            /** @example EUR */
            currency: string;
            /** @example nl_NL */
            locale: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description The vendor's ticket ("Creating tickets"). */
        Ticket: {
            /** Format: uuid */
            guid: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            company_id: string;
            name: string;
            vat_percentage: number;
            status: string | null;
            increment: number;
            min_orderable_amount_per_order: number;
            max_orderable_amount_per_order: number;
            availability_margin: number;
            percentage_service_costs_in_ticket: number;
            swappable: boolean;
            seated: boolean;
            include_service_cost_in_price: boolean;
            reserved_count: number;
            pending_count: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Order: {
            /** Format: uuid */
            guid: string;
            /** Format: uuid */
            company_id: string;
            /** Format: uuid */
            event_id: string;
            /** @enum {string} */
            status: "paid" | "refunded";
            /** Format: email */
            email: string;
            /** @description In cents. */
            total_price: number;
            currency: string;
            /** Format: date-time */
            created_at: string;
        };
        OrderPage: {
            data: components["schemas"]["Order"][];
            current_page: number;
            last_page: number;
            per_page: number;
            total: number;
            from: number | null;
            to: number | null;
        };
        OAuthError: {
            /** @description Stable OAuth2 / RFC 6750 error code. */
            error: string;
            /** @description Human-readable reason; not stable. At the authorize and token endpoints, league's fixed text for the error type. */
            error_description: string;
            /** @description At the authorize and token endpoints, league/oauth2-server's `hint`, the check that failed (absent for `invalid_client`); not stable. */
            hint?: string;
            /** @description Field → problems, for a bad query. */
            errors?: {
                [key: string]: string[];
            };
        };
    };
    responses: {
        /**
         * @description Back to the client's redirect URI: `?code=…&state=…` on success, or
         *     `?error=access_denied&error_description=…&state=…` for an unknown `login_hint`.
         */
        AuthorizeRedirect: {
            headers: {
                /** @description The redirect URI with the code (or error) and the state. */
                Location: string;
                /** @description Always `no-store`, as the redirect carries a code (RFC 6749 §5.1). */
                "Cache-Control": "no-store";
                /** @description Always `no-cache`. */
                Pragma: "no-cache";
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description Not redirected, as league/oauth2-server 9.x answers: `invalid_request` (no
         *     `response_type`, a bad PKCE challenge) or `unsupported_grant_type` (a `response_type`
         *     other than `code`, no `client_id`), with league's `hint`.
         */
        AuthorizeError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description A new access token and refresh token. */
        Token: {
            headers: {
                /** @description Always `no-store` (RFC 6749 §5.1). */
                "Cache-Control": "no-store";
                /** @description Always `no-cache` (RFC 6749 §5.1). */
                Pragma: "no-cache";
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "token_type": "Bearer",
                 *       "expires_in": 259200,
                 *       "access_token": "2Yx0exampleaccesstoken",
                 *       "refresh_token": "7Qp1examplerefreshtoken",
                 *       "refresh_token_expires_in": 31536000,
                 *       "info": {
                 *         "companies": [
                 *           {
                 *             "guid": "6eac75a2-354b-11eb-9322-acde48001122",
                 *             "name": "Lowlands Live BV"
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["TokenResponse"];
            };
        };
        /**
         * @description `invalid_request` (unreadable body, missing field, a known client without
         *     `client_secret`, a code issued to another client, a missing or different `redirect_uri`,
         *     missing or malformed `code_verifier`, a `code_verifier` for a code issued without a
         *     challenge), `invalid_grant` (unknown, expired, revoked or reused code or refresh token; a
         *     refresh token of another client; `code_verifier` not matching), `invalid_scope` (a
         *     company in `companies` the user or token does not cover), `unsupported_grant_type`
         *     (none or another `grant_type`). league's payload: fixed `error_description`, `hint`.
         */
        TokenError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /**
         * @description `invalid_client`: an unknown client or a wrong secret, whether sent in the body or with
         *     HTTP Basic; at the authorize endpoint also a `redirect_uri` the client has not registered.
         */
        ClientUnauthorized: {
            headers: {
                /** @description `Basic realm="OAuth"`, only when the request sent an Authorization header. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid_client",
                 *       "error_description": "Client authentication failed"
                 *     }
                 */
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /**
         * @description The one 401 of the API: no token (`invalid_request`), a token that is unknown, expired,
         *     revoked (refreshed, evicted by the cap, or its client's secret rotated) or a refresh token
         *     (`invalid_token`), or a `Company` header naming a company the token does not cover
         *     (`invalid_token`).
         */
        Unauthorized: {
            headers: {
                /** @description RFC 6750 challenge, e.g. `Bearer realm="api.eventix.io", error="invalid_token"`. */
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description No such event among the selected companies. (An unknown path answers Laravel's `{message}`, not this body.) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "not_found",
                 *       "error_description": "No event 00000000-0000-0000-0000-000000000000."
                 *     }
                 */
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description The body is over 1 MiB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid_request",
                 *       "error_description": "The body is over 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["OAuthError"];
            };
        };
    };
    parameters: {
        /** @description The OAuth2 client. */
        ClientIdQuery: string;
        /**
         * @description Narrows the token to these companies: comma-separated company GUIDs, or `*` for all of
         *     the token's companies. The header may be repeated. Absent → all of the token's companies.
         *     A company the token does not cover → 401.
         */
        Company: string;
        /** @description PKCE challenge (RFC 7636 §4.2), 43 to 128 unreserved characters. */
        CodeChallenge: string;
        /** @description `S256` or `plain` (default `plain`); anything else is a 400 `invalid_request`. */
        CodeChallengeMethod: string;
    };
    requestBodies: {
        TokenRequest: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
    };
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    authorize: {
        parameters: {
            query: {
                /** @description The OAuth2 client. */
                client_id: components["parameters"]["ClientIdQuery"];
                /** @description One of the client's registered redirect URIs; optional when it has exactly one. */
                redirect_uri?: string;
                /** @description Always `code`. */
                response_type: string;
                /** @description Opaque value returned unchanged on the redirect. */
                state?: string;
                /** @description Mock only: the guid or email of the fixture user to sign in. */
                login_hint?: string;
                /** @description PKCE challenge (RFC 7636 §4.2), 43 to 128 unreserved characters. */
                code_challenge?: components["parameters"]["CodeChallenge"];
                /** @description `S256` or `plain` (default `plain`); anything else is a 400 `invalid_request`. */
                code_challenge_method?: components["parameters"]["CodeChallengeMethod"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            302: components["responses"]["AuthorizeRedirect"];
            400: components["responses"]["AuthorizeError"];
            401: components["responses"]["ClientUnauthorized"];
        };
    };
    getAuthorizationServerMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "issuer": "https://auth.eventix.io",
                     *       "authorization_endpoint": "https://auth.eventix.io/tokens/authorize",
                     *       "token_endpoint": "https://auth.eventix.io/tokens",
                     *       "response_types_supported": [
                     *         "code"
                     *       ],
                     *       "grant_types_supported": [
                     *         "authorization_code",
                     *         "refresh_token"
                     *       ],
                     *       "token_endpoint_auth_methods_supported": [
                     *         "client_secret_post",
                     *         "client_secret_basic"
                     *       ],
                     *       "code_challenge_methods_supported": [
                     *         "S256",
                     *         "plain"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuthorizationServerMetadata"];
                };
            };
        };
    };
    authorizeLegacy: {
        parameters: {
            query: {
                /** @description The OAuth2 client. */
                client_id: components["parameters"]["ClientIdQuery"];
                /** @description One of the client's registered redirect URIs; optional when it has exactly one. */
                redirect_uri?: string;
                /** @description Always `code`. */
                response_type: string;
                /** @description Opaque value returned unchanged on the redirect. */
                state?: string;
                /** @description Mock only: the guid or email of the fixture user to sign in. */
                login_hint?: string;
                /** @description PKCE challenge (RFC 7636 §4.2), 43 to 128 unreserved characters. */
                code_challenge?: components["parameters"]["CodeChallenge"];
                /** @description `S256` or `plain` (default `plain`); anything else is a 400 `invalid_request`. */
                code_challenge_method?: components["parameters"]["CodeChallengeMethod"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            302: components["responses"]["AuthorizeRedirect"];
            400: components["responses"]["AuthorizeError"];
            401: components["responses"]["ClientUnauthorized"];
        };
    };
    requestToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["TokenRequest"];
        responses: {
            200: components["responses"]["Token"];
            400: components["responses"]["TokenError"];
            401: components["responses"]["ClientUnauthorized"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    requestTokenLegacy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["TokenRequest"];
        responses: {
            200: components["responses"]["Token"];
            400: components["responses"]["TokenError"];
            401: components["responses"]["ClientUnauthorized"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Narrows the token to these companies: comma-separated company GUIDs, or `*` for all of
                 *     the token's companies. The header may be repeated. Absent → all of the token's companies.
                 *     A company the token does not cover → 401.
                 */
                Company?: components["parameters"]["Company"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guid": "6e26d618-354b-11eb-9322-acde48001122",
                     *       "default_company_id": "6eac75a2-354b-11eb-9322-acde48001122",
                     *       "whitelabel_id": "6eea7dc0-354b-11eb-9322-acde48001122",
                     *       "name": "Jane Appleseed",
                     *       "email": "jane.appleseed@example.com",
                     *       "phone": null,
                     *       "created_at": "2011-12-13T11:12:13+02:00",
                     *       "updated_at": "2020-12-13T14:15:16+01:00",
                     *       "deleted_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    updateCurrentUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Narrows the token to these companies: comma-separated company GUIDs, or `*` for all of
                 *     the token's companies. The header may be repeated. Absent → all of the token's companies.
                 *     A company the token does not cover → 401.
                 */
                Company?: components["parameters"]["Company"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Jane Q. Appleseed",
                 *       "phone": "+31 20 123 4567"
                 *     }
                 */
                "application/json": components["schemas"]["UserUpdate"];
                "application/x-www-form-urlencoded": components["schemas"]["UserUpdate"];
                "multipart/form-data": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description The updated user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /**
             * @description A body that is not JSON, form-encoded or multipart (the auth hosts answer media-type
             *     errors with 400, as their token endpoint does), not an object, with none of the fields,
             *     or with an invalid field (`errors`).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "error_description": "The profile is not valid.",
                     *       "errors": {
                     *         "email": [
                     *           "must be an email address"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    listEvents: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Narrows the token to these companies: comma-separated company GUIDs, or `*` for all of
                 *     the token's companies. The header may be repeated. Absent → all of the token's companies.
                 *     A company the token does not cover → 401.
                 */
                Company?: components["parameters"]["Company"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events of every selected company, by start. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"][];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listUpcomingEvents: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Narrows the token to these companies: comma-separated company GUIDs, or `*` for all of
                 *     the token's companies. The header may be repeated. Absent → all of the token's companies.
                 *     A company the token does not cover → 401.
                 */
                Company?: components["parameters"]["Company"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upcoming events of every selected company, by start. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"][];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listEventTickets: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Narrows the token to these companies: comma-separated company GUIDs, or `*` for all of
                 *     the token's companies. The header may be repeated. Absent → all of the token's companies.
                 *     A company the token does not cover → 401.
                 */
                Company?: components["parameters"]["Company"];
            };
            path: {
                /** @description Event GUID. */
                guid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's tickets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Page number, from 1. A page past the last one is empty. */
                page?: number;
                /** @description Page size, 1 to 100 (default 15). */
                per_page?: number;
            };
            header?: {
                /**
                 * @description Narrows the token to these companies: comma-separated company GUIDs, or `*` for all of
                 *     the token's companies. The header may be repeated. Absent → all of the token's companies.
                 *     A company the token does not cover → 401.
                 */
                Company?: components["parameters"]["Company"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of orders, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description Zero or several companies selected, or a bad `page` / `per_page`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
}
