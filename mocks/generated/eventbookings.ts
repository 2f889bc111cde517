/**
 * Auto-generated from specs/eventbookings.openapi.yaml by `npm run generate` (openapi-typescript).
 * Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export interface paths {
    "/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OpenID Connect discovery document of the identity host
         * @description The metadata a client library reads before it asks for a token (OpenID Connect
         *     Discovery 1.0; RFC 8414): the issuer, the token endpoint, the grants, the client
         *     authentication methods and the scopes. Its URLs follow the host the request reached:
         *     `https://identity.eventbookings.com` under MSW,
         *     `http://127.0.0.1:4010/identity.eventbookings.com` through the standalone server, so
         *     `discovery(new URL('http://127.0.0.1:4010/identity.eventbookings.com'), …)` works there.
         */
        get: operations["getOpenIdConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/openid-configuration/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The JSON Web Key Set of the identity host (empty in the mock)
         * @description The `jwks_uri` of the discovery document (RFC 7517 §5). The mock issues opaque tokens
         *     and signs nothing, so its set has no keys; OpenID Connect clients fetch it only to check
         *     a signature.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Obtain an access token (client_credentials) or refresh one (refresh_token)
         * @description The vendor documents a JSON body with `grant_type: client_credentials`, `client_id` and
         *     `client_secret`. IdentityServer, which serves this host, takes form-encoded bodies; the
         *     mock accepts both. The client may also authenticate with HTTP Basic
         *     (`client_secret_basic`); user and password are form-decoded after base64 (RFC 6749
         *     §2.3.1: `+` is a space, `%XX` an escaped byte), as IdentityServer does. When both Basic and
         *     body credentials are sent, Basic wins. A failed client authentication answers
         *     400 `invalid_client` with no `WWW-Authenticate`, however the client authenticated.
         *
         *     Every answer, 200 or 400, carries `Cache-Control: no-store` and `Pragma: no-cache` (RFC
         *     6749 §5.1; IdentityServer's TokenErrorResult sets them on errors too).
         */
        post: operations["requestToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The application the access token was issued to
         * @description The application the access token was issued to: its `client_id`, name, organisation and
         *     scopes, so a client can check what a token carries. Needs a Bearer token with the scope
         *     `event.read`: 401 for a missing, unknown or expired token (or one sent in the misspelled
         *     `Authorisation` header), 403 `insufficient_scope` without the scope.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org_uuid}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id. */
                org_uuid: components["parameters"]["OrgUuid"];
            };
            cookie?: never;
        };
        /**
         * Events of an organisation
         * @description The events of the organisation `org_uuid`, as the application's token may read them. Needs a
         *     Bearer token with the scope `event.read`: 401 for a missing, unknown or expired token, 403 for
         *     another organisation or a missing scope, 404 for an unknown organisation.
         */
        get: operations["listOrgEvents"];
        put?: never;
        /**
         * Create an event (needs the scope event.create)
         * @description The body is the vendor's nested shape, `{"event": {...}}`. The page marks no field
         *     required; the mock requires `event.name` and `event.occurrence.attributes.starts_on`
         *     (a date `YYYY-MM-DD`, a date-time `YYYY-MM-DD HH:MM[:SS]` read as UTC, or ISO 8601), checks
         *     the types of `description`, `timezone`, `occurrence.type`, `banner`, `configuration`,
         *     `listing` and `resources`, and keeps the other documented fields unread. A flat body
         *     (`{"name": …}`) is refused with 400 naming `event`.
         */
        post: operations["createOrgEvent"];
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
        JwkSet: {
            /** @description The keys (RFC 7517 §5); none in the mock. */
            keys: Record<string, never>[];
        };
        OpenIdConfiguration: {
            /**
             * Format: uri
             * @description The URL the identity host is reached at, without a trailing slash.
             */
            issuer: string;
            /** Format: uri */
            token_endpoint: string;
            /**
             * Format: uri
             * @description The key set (empty in the mock).
             */
            jwks_uri: string;
            scopes_supported: string[];
            grant_types_supported: string[];
            token_endpoint_auth_methods_supported: string[];
            response_types_supported: string[];
            subject_types_supported: string[];
            id_token_signing_alg_values_supported: string[];
        };
        TokenRequest: {
            /**
             * @description `client_credentials` or `refresh_token`.
             * @example client_credentials
             */
            grant_type: string;
            /** @description Required unless sent with HTTP Basic. */
            client_id?: string;
            /** @description Required unless sent with HTTP Basic. */
            client_secret?: string;
            /** @description Space-separated subset of the application's scopes; all of them when absent. */
            scope?: string;
            /** @description Required for grant_type refresh_token. */
            refresh_token?: string;
        };
        TokenResponse: {
            access_token: string;
            /** @description Documented by the vendor for client_credentials; single-use. */
            refresh_token?: string;
            /** @description Seconds; 3600 by default. */
            expires_in: number;
            /** @constant */
            token_type: "Bearer";
            scope?: string;
        };
        OAuthError: {
            /**
             * @description RFC 6749 / RFC 6750 code: invalid_request, invalid_client, invalid_grant,
             *     unauthorized_client, unsupported_grant_type, invalid_scope, invalid_token,
             *     insufficient_scope, access_denied, not_found.
             */
            error: string;
            error_description?: string;
            /** @description Field name → problems, for validation failures. */
            errors?: {
                [key: string]: string[];
            };
        };
        Application: {
            client_id: string;
            name: string;
            org_uuid: string;
            /** @description Scopes of the presented token. */
            scopes: string[];
        };
        /** @description The vendor's nested create-event body (Events POST API Documentation). */
        NewEvent: {
            event: {
                /** @description Not blank, at most 200 characters (inferred). */
                name: string;
                description?: string;
                is_update_org_settings?: boolean;
                occurrence: {
                    /** @description The occurrence type (values not published). */
                    type?: string;
                    attributes: {
                        /** @description `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (UTC) or an ISO 8601 date-time with an offset (inferred: the page's example is the placeholder `STARTS_ON`). */
                        starts_on: string;
                        event_duration?: string;
                        occurrence_ends?: {
                            type?: string;
                            value?: string;
                        };
                    };
                };
                banner?: {
                    name?: string;
                    image?: string;
                    primary?: unknown;
                }[];
                timezone?: string;
                enable_datetime_conversion?: unknown;
                configuration?: {
                    type?: string;
                    attributes?: Record<string, never>[];
                };
                listing?: {
                    enabled?: boolean;
                    /** @description The page's example shows an empty array and does not say what an item is (inferred - any value). */
                    categories?: unknown[];
                };
                /** @description The page's example shows an empty array and does not say what an item is (inferred - any value). */
                resources?: unknown[];
            };
        };
        Event: {
            event_uuid: string;
            org_uuid: string;
            name: string;
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string | null;
            /** @enum {string} */
            status: "draft" | "published";
        };
    };
    responses: {
        /** @description Missing, unknown, expired or revoked access token. */
        Unauthorized: {
            headers: {
                /** @description RFC 6750 challenge, e.g. `Bearer error="invalid_token"`. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description The token lacks a scope (`insufficient_scope`) or the organisation is not the application's (`access_denied`). */
        Forbidden: {
            headers: {
                /** @description RFC 6750 challenge, e.g. `Bearer error="insufficient_scope", scope="event.create"`. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description No such organisation. (An unknown path is a bare 404, as ASP.NET Core answers it.) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "not_found",
                 *       "error_description": "No organisation 00000000-0000-0000-0000-000000000000."
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
        /** @description Organisation id. */
        OrgUuid: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getOpenIdConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The discovery document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "issuer": "https://identity.eventbookings.com",
                     *       "token_endpoint": "https://identity.eventbookings.com/connect/token",
                     *       "jwks_uri": "https://identity.eventbookings.com/.well-known/openid-configuration/jwks",
                     *       "scopes_supported": [
                     *         "event.create",
                     *         "event.read"
                     *       ],
                     *       "grant_types_supported": [
                     *         "client_credentials",
                     *         "refresh_token"
                     *       ],
                     *       "token_endpoint_auth_methods_supported": [
                     *         "client_secret_basic",
                     *         "client_secret_post"
                     *       ],
                     *       "response_types_supported": [
                     *         "code",
                     *         "token",
                     *         "id_token",
                     *         "id_token token",
                     *         "code id_token",
                     *         "code token",
                     *         "code id_token token"
                     *       ],
                     *       "subject_types_supported": [
                     *         "public"
                     *       ],
                     *       "id_token_signing_alg_values_supported": [
                     *         "RS256"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OpenIdConfiguration"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": []
                     *     }
                     */
                    "application/json": components["schemas"]["JwkSet"];
                };
            };
        };
    };
    requestToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description A new access token (and refresh token). */
            200: {
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
                     *       "access_token": "abcd1234exampleaccesstoken",
                     *       "refresh_token": "abcd5678examplerefreshtoken",
                     *       "expires_in": 3600,
                     *       "token_type": "Bearer",
                     *       "scope": "event.create event.read"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /**
             * @description `invalid_request` (malformed body, wrong content type, missing field),
             *     `invalid_client` (unknown client or wrong secret, sent in the body or with HTTP Basic),
             *     `invalid_grant` (unknown, expired, reused or foreign refresh token),
             *     `unsupported_grant_type`, `invalid_scope` (a scope the application was not granted).
             */
            400: {
                headers: {
                    /** @description The mock sends `no-store`, as on a token; IdentityServer writes `no-store, no-cache, max-age=0`. */
                    "Cache-Control"?: string;
                    /** @description `no-cache`. */
                    Pragma?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling application. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "client_id": "eb-demo-events",
                     *       "name": "Demo Events App",
                     *       "org_uuid": "0b6f2c1e-6a39-4c1e-9f4a-2d1b7c9e5a10",
                     *       "scopes": [
                     *         "event.create",
                     *         "event.read"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Application"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listOrgEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id. */
                org_uuid: components["parameters"]["OrgUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organisation's events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "event_uuid": "6d0b6c5e-2f43-4d8a-9f1c-3b8e2a7d4c01",
                     *           "org_uuid": "0b6f2c1e-6a39-4c1e-9f4a-2d1b7c9e5a10",
                     *           "name": "Harbour Lights Festival",
                     *           "starts_at": "2027-03-14T18:00:00Z",
                     *           "ends_at": "2027-03-14T23:00:00Z",
                     *           "status": "published"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["Event"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createOrgEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id. */
                org_uuid: components["parameters"]["OrgUuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event": {
                 *         "name": "Spring Gala",
                 *         "description": "An evening of music by the harbour.",
                 *         "occurrence": {
                 *           "type": "single",
                 *           "attributes": {
                 *             "starts_on": "2027-04-01 19:00:00",
                 *             "event_duration": "04:00"
                 *           }
                 *         },
                 *         "timezone": "Australia/Melbourne",
                 *         "listing": {
                 *           "enabled": true,
                 *           "categories": []
                 *         },
                 *         "resources": []
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["NewEvent"];
            };
        };
        responses: {
            /** @description The event was created. */
            201: {
                headers: {
                    /** @description URL of the new event. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "event_uuid": "8a1e0f3c-55c4-4d33-b0d2-7c6a9b2e1f77",
                     *       "org_uuid": "0b6f2c1e-6a39-4c1e-9f4a-2d1b7c9e5a10",
                     *       "name": "Spring Gala",
                     *       "starts_at": "2027-04-01T19:00:00Z",
                     *       "ends_at": null,
                     *       "status": "draft"
                     *     }
                     */
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description Malformed body or failed validation (`invalid_request`, with `errors` per field). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "error_description": "The event is not valid.",
                     *       "errors": {
                     *         "event.name": [
                     *           "name is required"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "error_description": "Content-Type text/plain is not accepted."
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
}
