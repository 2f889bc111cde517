/**
 * Auto-generated from specs/tracx.openapi.yaml by `npm run generate` (openapi-typescript).
 * Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export interface paths {
    "/v1/connect/session-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a connect token for a session token (JWT)
         * @description Send the connect token in `Authorization` with no scheme word (documented); the mock also
         *     accepts `Bearer <connect-token>`. The session token is a JWT whose `exp` equals
         *     `expires_at` and which carries the connect token's `permissions` (and `event_ids` when the
         *     connect token is limited to some events). There is no refresh: ask for a new session
         *     token with the connect token.
         */
        post: operations["createSessionToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the events the session token may see (permission events.list)
         * @description The events the session token may see, as `{data: {items: [...]}}`. Needs a session token (from
         *     `POST /v1/connect/session-token`) with the permission `events.list`, with or without `Bearer `,
         *     and the method GET; 401 for a missing, unknown or expired session token (or a connect token
         *     sent in its place), 403 without the permission.
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
    "/v1/connect/races": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List races, optionally of one event (permission races.list)
         * @description The races the session token may see, optionally of one event (`event_id`); an event outside the
         *     token's scope gives an empty list. Needs a session token with the permission `races.list`; 401
         *     for a missing, unknown or expired session token, 403 without the permission.
         */
        get: operations["listRaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/participant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Insert or update one participant (permission participants.store)
         * @description Inserts a participant, or updates the one with the same `unique_id` in the race's event.
         *     The race must belong to an event the token may see, else `race_id` fails validation.
         */
        post: operations["storeParticipant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/events/{event_id}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id. */
                event_id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        /**
         * List an event's participants (inferred; permission participants.list)
         * @description The participants of one event (inferred endpoint). Needs a session token with the permission
         *     `participants.list`; 401 for a missing, unknown or expired session token, 403 without the
         *     permission, 404 for an event outside the token's scope.
         */
        get: operations["listEventParticipants"];
        put?: never;
        /**
         * Queue many participants for import into an event (permission participants.store-multiple)
         * @description The body is a JSON array of participants: the fields of the single endpoint, but the page's
         *     table marks only `unique_id`, `first_name`, `last_name`, `date_of_birth` and `race_id`
         *     required, so `start_number` and `chip_code` may be left out here (and are `null` on the
         *     imported participant); when given they follow the same rules. The import is queued and runs asynchronously: the mock accepts the batch with 202 and makes
         *     its participants visible once the shared clock has moved `batchDelaySeconds` (5 by
         *     default; 0 means "from the next request on") past the moment it was accepted. Read them
         *     back with `GET /v1/connect/events/{event_id}/participants` or the control action
         *     `POST /__control/tracx/participants`.
         */
        post: operations["storeEventParticipants"];
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
        Message: {
            message: string;
        };
        ValidationError: {
            message: string;
            /** @description Field name (`N.field` for items of an array body) → problems. */
            errors: {
                [key: string]: string[];
            };
        };
        SessionTokenResponse: {
            data: {
                /** @description The session token (JWT, HS256). */
                token: string;
                /** @description UNIX timestamp (seconds, UTC); equal to the JWT's `exp`. */
                expires_at: number;
            };
        };
        Event: {
            id: number;
            name: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        Race: {
            id: number;
            event_id: number;
            name: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /** @description `YYYY-MM-DD HH:MM:SS`, UTC (documented on the races page). */
        Timestamp: string;
        /** @enum {string} */
        Gender: "male" | "female" | "neutral";
        /** @enum {string} */
        ParticipantState: "before" | "during" | "paused" | "resumed" | "after" | "finished" | "did_not_finish" | "disqualified" | "did_not_start";
        /** @description One participant for Save Single Participant (start_number and chip_code required). */
        ParticipantInput: components["schemas"]["ParticipantFields"] & unknown;
        /** @description One participant of a Save Multiple Participants body (start_number and chip_code optional). */
        BulkParticipantInput: components["schemas"]["ParticipantFields"] & unknown;
        ParticipantFields: {
            /** @description alpha_dash, at most 100 characters. The pattern lists ASCII letters, digits, `-` and `_`; Laravel's rule (and the mock) also take Unicode letters, marks and digits. */
            unique_id?: string;
            /** @description Not blank (Laravel trims strings and reads an empty one as missing), at most 100 characters. */
            first_name?: string;
            /** @description Not blank (Laravel trims strings and reads an empty one as missing), at most 100 characters. */
            last_name?: string;
            /** @description ISO 3166-1 alpha-2, any case (the docs' example sends `nl`); a code no country has is refused. */
            country_code?: string | null;
            team_name?: string | null;
            /** Format: date */
            date_of_birth?: string;
            /** @description alpha_dash, at most 100 characters. The pattern lists ASCII letters, digits, `-` and `_`; Laravel's rule (and the mock) also take Unicode letters, marks and digits. */
            start_number?: string;
            /** @description Exactly 7 characters (may have leading zeros). */
            chip_code?: string;
            gender?: components["schemas"]["Gender"] | null;
            state?: components["schemas"]["ParticipantState"] | null;
            /** @description A race of an event the token may see. A numeric string is accepted (Laravel's `integer` rule). */
            race_id?: number;
        };
        Participant: {
            id: number;
            unique_id: string;
            /** @description `null` only for a participant imported without one (Save Multiple Participants). */
            start_number: string | null;
            /** @description `null` only for a participant imported without one (Save Multiple Participants). */
            chip_code: string | null;
            event_id: number;
            race_id: number;
            first_name: string;
            last_name: string;
            full_name: string;
            country_code: string | null;
            team_name: string | null;
            /** Format: date */
            date_of_birth: string;
            gender: components["schemas"]["Gender"] | null;
            state: components["schemas"]["ParticipantState"] | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ParticipantResponse: {
            data: components["schemas"]["Participant"];
        };
        ImportQueued: {
            message: string;
            data: {
                batch_id: string;
                event_id: number;
                /** @constant */
                status: "queued";
                /** @description How many participants the batch holds. */
                participants: number;
            };
        };
    };
    responses: {
        /**
         * @description Missing, unknown, malformed, tampered, wrongly signed, `alg: none` or expired session
         *     token; a session token used while the mock clock is before its `iat` (issued in the
         *     future); a connect token where a session token is needed (or the reverse); a revoked
         *     connect token (and, by default, the session tokens it issued). The message is Laravel's
         *     "Unauthenticated."; for a token of the wrong kind it goes on to say which token was
         *     expected.
         */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Unauthenticated."
                 *     }
                 */
                "application/json": components["schemas"]["Message"];
            };
        };
        /** @description The session token lacks the operation's permission, or the event is outside its scope. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "This action is unauthorized."
                 *     }
                 */
                "application/json": components["schemas"]["Message"];
            };
        };
        /** @description No such event. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "No query results for event 999."
                 *     }
                 */
                "application/json": components["schemas"]["Message"];
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
                 *       "message": "The body is over 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["Message"];
            };
        };
        /** @description Laravel validation failure. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "The chip code field must be 7 characters. (and 1 more error)",
                 *       "errors": {
                 *         "chip_code": [
                 *           "The chip code field must be 7 characters."
                 *         ],
                 *         "gender": [
                 *           "The selected gender is invalid."
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ValidationError"];
            };
        };
    };
    parameters: {
        /** @description Event id. */
        EventId: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createSessionToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new session token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJwZXJtaXNzaW9ucyI6WyJldmVudHMubGlzdCJdfQ.c2lnbmF0dXJl",
                     *         "expires_at": 1741966278
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SessionTokenResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    listEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events in the token's scope. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "items": [
                     *           {
                     *             "id": 1,
                     *             "name": "Amstel Trail Run 2027",
                     *             "created_at": "2025-02-25 09:30:00",
                     *             "updated_at": "2025-02-25 09:30:00"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            items: components["schemas"]["Event"][];
                        };
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    listRaces: {
        parameters: {
            query?: {
                /** @description Only races of this event. */
                event_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The races in the token's scope. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "items": [
                     *           {
                     *             "id": 101,
                     *             "event_id": 1,
                     *             "name": "Trail 10 km",
                     *             "created_at": "2025-02-25 09:45:32",
                     *             "updated_at": "2025-02-25 09:45:32"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            items: components["schemas"]["Race"][];
                        };
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    storeParticipant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "unique_id": "1",
                 *       "first_name": "Kris",
                 *       "last_name": "Kuiper",
                 *       "country_code": "nl",
                 *       "team_name": null,
                 *       "date_of_birth": "2001-01-01",
                 *       "start_number": "1",
                 *       "chip_code": "0000001",
                 *       "gender": "male",
                 *       "state": "before",
                 *       "race_id": 101
                 *     }
                 */
                "application/json": components["schemas"]["ParticipantInput"];
                "application/x-www-form-urlencoded": components["schemas"]["ParticipantInput"];
            };
        };
        responses: {
            /** @description An existing participant was updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParticipantResponse"];
                };
            };
            /** @description A new participant was inserted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": 1,
                     *         "unique_id": "1",
                     *         "start_number": "1",
                     *         "chip_code": "0000001",
                     *         "event_id": 1,
                     *         "race_id": 101,
                     *         "first_name": "Kris",
                     *         "last_name": "Kuiper",
                     *         "full_name": "Kris Kuiper",
                     *         "country_code": "nl",
                     *         "team_name": null,
                     *         "date_of_birth": "2001-01-01",
                     *         "gender": "male",
                     *         "state": "before",
                     *         "created_at": "2025-03-14 10:00:00",
                     *         "updated_at": "2025-03-14 10:00:00"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ParticipantResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listEventParticipants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id. */
                event_id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's participants, imported batches included once they have run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "items": []
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            items: components["schemas"]["Participant"][];
                        };
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    storeEventParticipants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id. */
                event_id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "unique_id": "1",
                 *         "first_name": "John",
                 *         "last_name": "Doe",
                 *         "date_of_birth": "2001-01-01",
                 *         "start_number": "1",
                 *         "chip_code": "0000001",
                 *         "gender": "male",
                 *         "race_id": 101
                 *       },
                 *       {
                 *         "unique_id": "2",
                 *         "first_name": "William",
                 *         "last_name": "Smith",
                 *         "date_of_birth": "2002-02-02",
                 *         "race_id": 101
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["BulkParticipantInput"][];
            };
        };
        responses: {
            /** @description The participants were queued for import. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Participants queued for import.",
                     *       "data": {
                     *         "batch_id": "3f0c2a4e-8d1b-4c55-9a77-2b6e1d0f9c31",
                     *         "event_id": 1,
                     *         "status": "queued",
                     *         "participants": 2
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ImportQueued"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            /**
             * @description Laravel validation failure: a problem with an item (keyed `N.field`), or a batch the
             *     queue cannot take (keyed `participants`): more than 10,000 items in one body, more
             *     than 10,000 participants waiting in this event's import queue once it is added, or an
             *     event that would hold more than 10,000 distinct `unique_id`s (stored and queued).
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "The import queue of this event holds 10000 participants; at most 10000 may wait, so 0 more fit now.",
                     *       "errors": {
                     *         "participants": [
                     *           "The import queue of this event holds 10000 participants; at most 10000 may wait",
                     *           "so 0 more fit now."
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
}
