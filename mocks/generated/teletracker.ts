/**
 * Auto-generated from specs/teletracker.openapi.yaml by `npm run generate` (openapi-typescript).
 * Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export interface paths {
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with username and password
         * @description Checks the user's credentials and issues a bearer token bound to one account: the one
         *     named by `account_id`, else the user's default account. With `auth_only=1` it only checks
         *     the credentials (and the account, if named) and issues nothing.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the refresh token for a new token set
         * @description Answers the login shape with a new token and a new refresh token for the same user and
         *     account. The refresh token presented stops working at once; an expired one is refused.
         *     The field is `refresh_token` (documented on the refresh page); `refreshToken` (the name
         *     the login response gives it, and the Get a Bearer Token page's "pass the refreshToken
         *     value") is accepted too. When both are sent, `refresh_token` wins.
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/masquerade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Switch the session to another account of the user
         * @description With a valid bearer token, issues a new token set bound to `account_id`, if the token's
         *     user may access that account (403 otherwise). The session moves: the token and refresh
         *     token presented stop working.
         */
        post: operations["masquerade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/call-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Calls of one account between two dates
         * @description The calls of the account between `start_date` and `end_date` (inclusive, `YYYY-MM-DD`;
         *     an end before the start is an empty range, answered with no calls).
         *     With a bearer token the account is the token's: an `account_id` naming another account is
         *     refused with 403. With Basic it is `account_id` or the user's default account; with
         *     Integrator `account_id` is required.
         *
         *     The parameters may come in the query string or in a request body (form-encoded,
         *     multipart/form-data or JSON), as the REST API page says GET requests may; the query
         *     string wins where both name a parameter. (OpenAPI 3.1 allows a GET request body.)
         *
         *     The user's permissions decide access: a user without report access gets 403 FORBIDDEN.
         */
        get: operations["getCallData"];
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
        /** @description Every refusal (inferred shape; `success:false` and the list of missing variables are documented). */
        Error: {
            /** @constant */
            success: false;
            /** @enum {string} */
            code: "MISSING_PARAMETERS" | "INVALID_PARAMETERS" | "BAD_REQUEST" | "INVALID_CREDENTIALS" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "ACCOUNT_NOT_ACCESSIBLE" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INTERNAL_ERROR";
            message: string;
            /** @description The missing variables (400 MISSING_PARAMETERS). */
            missing?: string[];
            /** @description Problems by variable (400 INVALID_PARAMETERS). */
            errors?: {
                [key: string]: string[];
            };
        };
        /** @description An empty `username` or `password` is missing (the 400 lists it), as no value is. */
        LoginRequest: {
            username: string;
            /** Format: password */
            password: string;
            /** @description The account to bind the token to; the user's default account when left out. */
            account_id?: components["schemas"]["AccountId"];
            /**
             * @description `1`: only check the credentials; issue nothing.
             * @enum {integer}
             */
            auth_only?: 0 | 1;
        };
        /** @description `refresh_token` (documented) or `refreshToken` (accepted too). */
        RefreshRequest: {
            /** Format: uuid */
            refresh_token?: string;
            /** Format: uuid */
            refreshToken?: string;
        } | unknown | unknown;
        /** @description `start_date` and `end_date` are required, in the body or the query string. */
        CallDataParameters: {
            /** Format: date */
            start_date?: string;
            /** Format: date */
            end_date?: string;
            account_id?: components["schemas"]["AccountId"];
        };
        /**
         * @description A TeleTracker account id (the docs' example is `12345`): a positive integer. Anything else
         *     is a 400 that says what is wrong ("must be an integer", "must be 1 or more").
         */
        AccountId: number;
        MasqueradeRequest: {
            account_id: components["schemas"]["AccountId"];
        };
        TokenSet: {
            /** @constant */
            success: true;
            /**
             * Format: uuid
             * @description The user's GUID (inferred reading of the docs' `guid`).
             */
            guid: string;
            /** Format: uuid */
            token: string;
            /** Format: date-time */
            tokenExpiration: string;
            /** @description Seconds; 3600 by default. */
            tokenLifetime: number;
            /** Format: uuid */
            refreshToken: string;
            /** Format: date-time */
            refreshTokenExpiration: string;
        };
        /** @description The `auth_only=1` answer (inferred shape). */
        AuthOnly: {
            /** @constant */
            success: true;
            /** Format: uuid */
            guid: string;
        };
        /** @description One tracked call (inferred fields). */
        CallRecord: {
            call_id: string;
            account_id: number;
            /** Format: date-time */
            started_at: string;
            caller_number: string;
            tracking_number: string;
            source: string;
            duration_seconds: number;
            /** @enum {string} */
            status: "answered" | "missed" | "voicemail";
        };
        CallData: {
            /** @constant */
            success: true;
            data: components["schemas"]["CallRecord"][];
        };
    };
    responses: {
        /** @description A new token set. */
        TokenSet: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": true,
                 *       "guid": "71067212-8141-4887-b48e-ccabcfb07196",
                 *       "token": "0f5a8c11-3c7e-4f8e-9d3a-2b6f1e4c7a90",
                 *       "tokenExpiration": "2018-04-01T22:39:12+00:00",
                 *       "tokenLifetime": 3600,
                 *       "refreshToken": "6b1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                 *       "refreshTokenExpiration": "2018-04-30T22:39:12+00:00"
                 *     }
                 */
                "application/json": components["schemas"]["TokenSet"];
            };
        };
        /**
         * @description Missing variables (listed in `missing`, documented), invalid values (in `errors`), or a
         *     body that cannot be read (bad JSON, a multipart body without a valid boundary).
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": "MISSING_PARAMETERS",
                 *       "message": "Missing variables: username, password.",
                 *       "missing": [
                 *         "username",
                 *         "password"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description No credentials, wrong username or password, an unknown, revoked or rotated token, a refresh
         *     token where a token is expected (or the reverse), or an expired token (TOKEN_EXPIRED).
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": "TOKEN_EXPIRED",
                 *       "message": "The token has expired."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An account the user, or the token, does not cover (ACCOUNT_NOT_ACCESSIBLE), or a user without the permission the call needs (FORBIDDEN). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": "ACCOUNT_NOT_ACCESSIBLE",
                 *       "message": "The token is bound to another account."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the mock's size limit. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": "PAYLOAD_TOO_LARGE",
                 *       "message": "The body is over 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A body that is not form-encoded, multipart/form-data or JSON, or a multipart file part. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": "UNSUPPORTED_MEDIA_TYPE",
                 *       "message": "Content-Type text/plain is not accepted."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["LoginRequest"];
                "multipart/form-data": components["schemas"]["LoginRequest"];
                /**
                 * @example {
                 *       "username": "marketing@harbourview.example",
                 *       "password": "Tr4ck-Every-Call!",
                 *       "account_id": 10232
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A token set, or with `auth_only` just the confirmation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "guid": "71067212-8141-4887-b48e-ccabcfb07196",
                     *       "token": "c04c7ff7-5fa1-48fb-aa2a-bcf97a6b8a79",
                     *       "tokenExpiration": "2018-04-01T21:39:12+00:00",
                     *       "tokenLifetime": 3600,
                     *       "refreshToken": "dff78899-ed3b-4965-8f44-474ac2bf7354",
                     *       "refreshTokenExpiration": "2018-04-30T21:39:12+00:00"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenSet"] | components["schemas"]["AuthOnly"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["RefreshRequest"];
                "multipart/form-data": components["schemas"]["RefreshRequest"];
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            200: components["responses"]["TokenSet"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    masquerade: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["MasqueradeRequest"];
                "multipart/form-data": components["schemas"]["MasqueradeRequest"];
                "application/json": components["schemas"]["MasqueradeRequest"];
            };
        };
        responses: {
            200: components["responses"]["TokenSet"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getCallData: {
        parameters: {
            query?: {
                /** @description First day, `YYYY-MM-DD`. Required, here or in the body (a 400 lists it as missing otherwise). */
                start_date?: string;
                /** @description Last day (inclusive), `YYYY-MM-DD`. Required, here or in the body (a 400 lists it as missing otherwise). */
                end_date?: string;
                /** @description The account; required with Integrator, else it must be the token's (or one of the Basic user's). */
                account_id?: components["schemas"]["AccountId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The same parameters in a body instead of the query string (documented for GET requests). */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["CallDataParameters"];
                "multipart/form-data": components["schemas"]["CallDataParameters"];
                /**
                 * @example {
                 *       "start_date": "2025-03-01",
                 *       "end_date": "2025-03-31"
                 *     }
                 */
                "application/json": components["schemas"]["CallDataParameters"];
            };
        };
        responses: {
            /** @description The account's calls in the range, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "call_id": "c-10231-0001",
                     *           "account_id": 10231,
                     *           "started_at": "2025-03-03T09:12:44Z",
                     *           "caller_number": "+14165550142",
                     *           "tracking_number": "+18005550100",
                     *           "source": "Google Ads",
                     *           "duration_seconds": 184,
                     *           "status": "answered"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CallData"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
}
