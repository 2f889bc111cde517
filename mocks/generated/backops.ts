/**
 * Auto-generated from specs/backops.openapi.yaml by `npm run generate` (openapi-typescript).
 * Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export interface paths {
    "/Events/{eventId}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        /**
         * Exchange the API key for an event token
         * @description Answers `{token}`: the event token, to send as `x-Event-Token` on every event-scoped call.
         *     The key sees only its own organization's events (401 for another organization's);
         *     an unknown or archived event answers 404.
         */
        get: operations["authorizeEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Collaborators/{collaboratorId}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Collaborator id (a GUID). */
                collaboratorId: components["parameters"]["CollaboratorId"];
            };
            cookie?: never;
        };
        /**
         * Exchange the API key and an event token for a collaborator token
         * @description Answers `{token}`: the collaborator token, to send as `x-Collaborator-Token`. The
         *     collaborator must belong to the event of the event token (401 otherwise).
         */
        get: operations["authorizeCollaborator"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Areas/{areaId}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Area id (a GUID). */
                areaId: components["parameters"]["AreaId"];
            };
            cookie?: never;
        };
        /**
         * Exchange the API key and an event token for an area token
         * @description Answers `{token}`: the area token, to send as `x-Area-Token`. The area must belong to the
         *     event of the event token (401 otherwise).
         */
        get: operations["authorizeArea"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Organizations/{organizationId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id (a GUID). */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * The organization's events (API key only)
         * @description Archived events are left out. A key sees only its own organization (401 for any other).
         */
        get: operations["listOrganizationEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        /** One event */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Events/{eventId}/areas": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        /** The event's areas */
        get: operations["listEventAreas"];
        put?: never;
        /** Add an area to the event (admin-level API key) */
        post: operations["createEventArea"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Events/{eventId}/collaborators": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        /** The event's collaborators */
        get: operations["listEventCollaborators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Areas/{areaId}/daysheet": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Area id (a GUID). */
                areaId: components["parameters"]["AreaId"];
            };
            cookie?: never;
        };
        /** The area's daysheet (API key + event token + area token) */
        get: operations["getAreaDaysheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Collaborators/{collaboratorId}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Collaborator id (a GUID). */
                collaboratorId: components["parameters"]["CollaboratorId"];
            };
            cookie?: never;
        };
        /** The collaborator's schedule (API key + event token + collaborator token) */
        get: operations["getCollaboratorSchedule"];
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
        /** @description Every refusal. Codes UNAUTHORIZED, NOT_FOUND, BAD_REQUEST are documented; the others are the mock's. */
        Error: {
            /** @enum {string} */
            code: "UNAUTHORIZED" | "NOT_FOUND" | "BAD_REQUEST" | "FORBIDDEN" | "PAYLOAD_TOO_LARGE" | "METHOD_NOT_ALLOWED" | "INTERNAL_SERVER_ERROR";
            message: string;
        };
        TokenResponse: {
            token: string;
        };
        Attribute: {
            name: string;
            value: string;
        };
        Event: {
            id: string;
            organizationId: string;
            name: string;
            eventAttributes: components["schemas"]["Attribute"][];
            attributes: components["schemas"]["Attribute"][];
        };
        NamedItem: {
            id: string;
            name: string;
        };
        NewArea: {
            name: string;
        };
        Daysheet: {
            areaId: string;
            eventId: string;
            name: string;
            shifts: {
                collaboratorId: string;
                collaboratorName: string;
                /** Format: date-time */
                startsAt: string;
                /** Format: date-time */
                endsAt: string;
            }[];
        };
        Schedule: {
            collaboratorId: string;
            eventId: string;
            name: string;
            shifts: {
                areaId: string;
                areaName: string;
                /** Format: date-time */
                startsAt: string;
                /** Format: date-time */
                endsAt: string;
            }[];
        };
    };
    responses: {
        /** @description A scoped token. */
        Token: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "token": "3q2-7wEXAMPLEeventTOKENxK1"
                 *     }
                 */
                "application/json": components["schemas"]["TokenResponse"];
            };
        };
        /**
         * @description A missing, unknown, expired or revoked credential; a token of the wrong kind; a token
         *     whose scope (event, area, collaborator, organization) is not the one asked for; an area or
         *     collaborator token with an event token of another event; a token sent with another API key.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "UNAUTHORIZED",
                 *       "message": "The x-Event-Token header is missing."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such event (or the event is archived), area or collaborator. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "NOT_FOUND",
                 *       "message": "No event 0191a6c4-2b10-7e15-a7b3-8f2c1d0e9d03."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Event id (a GUID). */
        EventId: string;
        /** @description Area id (a GUID). */
        AreaId: string;
        /** @description Collaborator id (a GUID). */
        CollaboratorId: string;
        /** @description Organization id (a GUID). */
        OrganizationId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    authorizeEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Token"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    authorizeCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Collaborator id (a GUID). */
                collaboratorId: components["parameters"]["CollaboratorId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Token"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    authorizeArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Area id (a GUID). */
                areaId: components["parameters"]["AreaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Token"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listOrganizationEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id (a GUID). */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "0191a6c4-2b10-7a3f-8e45-1c9d0f6b7a01",
                     *         "organizationId": "0190f3a2-7c41-7d8e-9b12-3f6a8c0d1e21",
                     *         "name": "Aurora Festival 2027",
                     *         "eventAttributes": [
                     *           {
                     *             "name": "venue",
                     *             "value": "Tromsø Harbour"
                     *           }
                     *         ],
                     *         "attributes": [
                     *           {
                     *             "name": "season",
                     *             "value": "summer"
                     *           }
                     *         ]
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Event"][];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0191a6c4-2b10-7a3f-8e45-1c9d0f6b7a01",
                     *       "organizationId": "0190f3a2-7c41-7d8e-9b12-3f6a8c0d1e21",
                     *       "name": "Aurora Festival 2027",
                     *       "eventAttributes": [
                     *         {
                     *           "name": "venue",
                     *           "value": "Tromsø Harbour"
                     *         }
                     *       ],
                     *       "attributes": [
                     *         {
                     *           "name": "season",
                     *           "value": "summer"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Event"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listEventAreas: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's areas. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "0192b7d5-3c21-7a01-8f56-2d0e1a7b8c11",
                     *         "name": "Main Stage"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["NamedItem"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createEventArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "VIP Lounge"
                 *     }
                 */
                "application/json": components["schemas"]["NewArea"];
            };
        };
        responses: {
            /** @description The area was added (no body). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not a JSON object with a valid `name`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "BAD_REQUEST",
                     *       "message": "name is required."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The API key has no admin permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "message": "Adding an area needs an API key with the admin permission."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The body is over 1 MiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "message": "The body is over 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventCollaborators: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Event id (a GUID). */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's collaborators. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "0193c8e6-4d32-7a01-8c9a-61425ebf2a21",
                     *         "name": "Sam Rivera"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["NamedItem"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getAreaDaysheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Area id (a GUID). */
                areaId: components["parameters"]["AreaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The area and who works there when. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "areaId": "0192b7d5-3c21-7a01-8f56-2d0e1a7b8c11",
                     *       "eventId": "0191a6c4-2b10-7a3f-8e45-1c9d0f6b7a01",
                     *       "name": "Main Stage",
                     *       "shifts": [
                     *         {
                     *           "collaboratorId": "0193c8e6-4d32-7a01-8c9a-61425ebf2a21",
                     *           "collaboratorName": "Sam Rivera",
                     *           "startsAt": "2027-08-20T14:00:00Z",
                     *           "endsAt": "2027-08-20T22:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Daysheet"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getCollaboratorSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Collaborator id (a GUID). */
                collaboratorId: components["parameters"]["CollaboratorId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collaborator and their shifts, earliest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "collaboratorId": "0193c8e6-4d32-7a01-8c9a-61425ebf2a21",
                     *       "eventId": "0191a6c4-2b10-7a3f-8e45-1c9d0f6b7a01",
                     *       "name": "Sam Rivera",
                     *       "shifts": [
                     *         {
                     *           "areaId": "0192b7d5-3c21-7a01-8f56-2d0e1a7b8c11",
                     *           "areaName": "Main Stage",
                     *           "startsAt": "2027-08-20T14:00:00Z",
                     *           "endsAt": "2027-08-20T22:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
}
