/**
 * Auto-generated from specs/backops.openapi.yaml by `npm run generate` (openapi-typescript).
 * Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export interface paths {
    "/Organizations/{organizationId}/authorize": {
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
         * Exchange the API key for an organization token
         * @description Answers `{token}`: the organization token, to send as `x-Organization-Token` on the
         *     Organization API calls. The key gets a token only for its own organization (401 for any
         *     other, known or not).
         */
        get: operations["authorizeOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Organizations/{organizationId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id (a GUID). */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a user to the organization by email (API key + organization token)
         * @description An email that already has a BackOps account is added as a member; any other is invited.
         *     Needs an admin key (OrganizationAdmin). A personal organization, an address already a
         *     member or invited, a blocked address, or an invalid email is a 400.
         */
        post: operations["addOrganizationUser"];
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
         * The organization's events, archived ones included (API key only)
         * @description Every event of the organization, archived ones included (`isArchived`), each with its
         *     attribute values and `collaborator`: the collaborator the key's user is crew of on that
         *     event, or `null`. A key sees only its own organization (401 for any other).
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
        /**
         * One event, with its organization's attribute definitions and its attribute values
         * @description The event, with `eventAttributes` (its organization's attribute definitions) and `attributes` (this
         *     event's values). Needs the API key and the event's `x-Event-Token`. 401 `UNAUTHORIZED` for a missing,
         *     expired or foreign token; 404 `NOT_FOUND` for an unknown or archived event.
         */
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
        /**
         * The event's areas
         * @description The event's areas as `[{id, name}]`. Needs the API key and the event's `x-Event-Token`. 401
         *     `UNAUTHORIZED` for a missing or foreign token; 404 `NOT_FOUND` for an unknown or archived event.
         */
        get: operations["listEventAreas"];
        put?: never;
        /**
         * Add an area to the event (admin key)
         * @description Adds an area named by the body `{name}`; answers 201 without a body. Needs an admin-level API key
         *     and the event's `x-Event-Token`. 400 `BAD_REQUEST` for a missing or bad name, 401 `UNAUTHORIZED`,
         *     403 for a key that is not admin-level, 404 `NOT_FOUND` for an unknown or archived event.
         */
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
        /**
         * The event's collaborators
         * @description The event's collaborators as `[{id, name}]`. Needs the API key and the event's `x-Event-Token`.
         *     401 `UNAUTHORIZED` for a missing or foreign token; 404 `NOT_FOUND` for an unknown or archived event.
         */
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
        /**
         * The area's daysheet (API key + event token + area token; admin key)
         * @description The area's daysheet: the event name and the area's schedule. Needs the API key, the event's
         *     `x-Event-Token` and the area's `x-Area-Token` (bound to that event). 401 `UNAUTHORIZED` for a
         *     missing or foreign token, 403 for a key that is not admin-level, 404 `NOT_FOUND` for an unknown area.
         */
        get: operations["getAreaDaysheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collaborators/{collaboratorId}/daySheet": {
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
         * The collaborator's day sheet
         * @description The collaborator's printable day sheet: schedule, contacts and advances.
         *     Default (follows the Get Tokens page, https://backopslive.com/docs/api-docs/event-api/authorization/get-tokens):
         *     the API key, `x-Event-Token` and `x-Collaborator-Token`, as Get Tokens requires for
         *     "Endpoints under /Collaborators/{collaboratorId}/...". This page lists only the API key:
         *     `collaboratorTokensRequired: false` follows it and answers with the key alone. 401
         *     `UNAUTHORIZED` for a missing or foreign credential, 404 `NOT_FOUND` for an unknown
         *     collaborator.
         */
        get: operations["getCollaboratorDaySheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collaborators/{collaboratorId}/dashboard": {
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
         * The collaborator's dashboard
         * @description The collaborator's summary dashboard: contacts, scheduled activities, deliverables, incomplete
         *     crew and tasks.
         *     Default (follows the Get Tokens page, https://backopslive.com/docs/api-docs/event-api/authorization/get-tokens):
         *     the API key, `x-Event-Token` and `x-Collaborator-Token`, as Get Tokens requires for
         *     "Endpoints under /Collaborators/{collaboratorId}/...". This page lists only the API key:
         *     `collaboratorTokensRequired: false` follows it and answers with the key alone. 401
         *     `UNAUTHORIZED` for a missing or foreign credential, 404 `NOT_FOUND` for an unknown
         *     collaborator.
         */
        get: operations["getCollaboratorDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collaborators/{collaboratorId}/crew": {
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
         * The collaborator's crew
         * @description The collaborator's crew members.
         *     Default (follows the Get Tokens page, https://backopslive.com/docs/api-docs/event-api/authorization/get-tokens):
         *     the API key, `x-Event-Token` and `x-Collaborator-Token`, as Get Tokens requires for
         *     "Endpoints under /Collaborators/{collaboratorId}/...". This page lists only the API key:
         *     `collaboratorTokensRequired: false` follows it and answers with the key alone. 401
         *     `UNAUTHORIZED` for a missing or foreign credential, 404 `NOT_FOUND` for an unknown
         *     collaborator.
         */
        get: operations["getCollaboratorCrew"];
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
        /** @description A custom event attribute as the organization defines it (Get Event's `eventAttributes`). */
        AttributeDefinition: {
            id: string;
            name: string;
            /** @description The attribute's data type, e.g. `Select`. */
            type: string;
            isRequired: boolean;
            options: {
                id: string;
                value: string;
                color: string;
            }[];
        };
        /** @description The value an event holds for one attribute definition (`attributes`). */
        AttributeValue: {
            attributeId: string;
            value: string;
        };
        Event: {
            id: string;
            organizationId: string;
            name: string;
            eventAttributes: components["schemas"]["AttributeDefinition"][];
            attributes: components["schemas"]["AttributeValue"][];
        };
        /** @description An item of Get Events. */
        OrganizationEvent: {
            id: string;
            name: string;
            isArchived: boolean;
            organization: components["schemas"]["NamedItem"];
            attributes: components["schemas"]["AttributeValue"][];
            /** @description The collaborator the key's user is crew of on this event, or null. */
            collaborator: components["schemas"]["NamedItem"] | null;
        };
        NamedItem: {
            id: string;
            name: string;
        };
        NewArea: {
            name: string;
        };
        NewOrganizationUser: {
            /** Format: email */
            email: string;
        };
        /** @description An item the mock does not model (the array is always empty); see the vendor page for its shape. */
        Unmodelled: Record<string, never>;
        AreaDaysheet: {
            eventName: string;
            schedule: {
                id: string;
                name: string;
                description: string;
                exactLocation: string;
                /** Format: date-time */
                startDateTime: string;
                /** Format: date-time */
                endDateTime: string;
            }[];
            advances: components["schemas"]["Unmodelled"][];
        };
        Contact: {
            id: string;
            firstName: string;
            lastName: string;
            title: string;
            email: string;
            phoneNumber: string;
        };
        CollaboratorDaySheet: {
            eventName: string;
            collaboratorName: string;
            schedule: {
                id: string;
                name: string;
                description: string;
                areas: components["schemas"]["NamedItem"][];
                exactLocation: string;
                /** Format: date-time */
                startDateTime: string;
                /** Format: date-time */
                endDateTime: string;
            }[];
            /** @description The day sheet's contacts carry `phone` (the dashboard's carry `phoneNumber`), as the vendor's pages write them. */
            contacts: {
                id: string;
                firstName: string;
                lastName: string;
                title: string;
                email: string;
                phone: string;
            }[];
            advances: components["schemas"]["Unmodelled"][];
        };
        CollaboratorDashboard: {
            contacts: components["schemas"]["Contact"][];
            activities: {
                id: string;
                name: string;
                /** Format: date-time */
                startDateTime: string;
                /** Format: date-time */
                endDateTime: string;
            }[];
            deliverables: components["schemas"]["Unmodelled"][];
            incompleteCrew: components["schemas"]["Contact"][];
            tasks: components["schemas"]["Unmodelled"][];
        };
        CollaboratorCrew: {
            crew: {
                id: string;
                firstName: string;
                lastName: string;
                email: string;
                phoneNumber: string;
                title: string;
                isPointOfContact: boolean;
                connectedUser: {
                    id: string;
                    status: string;
                } | null;
                attributes: components["schemas"]["Unmodelled"][];
            }[];
            attributesInfo: components["schemas"]["Unmodelled"][];
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
         *     whose scope (organization, event, area, collaborator) is not the one asked for; an area or
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
        /** @description The API key lacks the admin permission (EventAdmin or OrganizationAdmin) the call needs. */
        Forbidden: {
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
        /** @description The body is over 1 MiB. */
        PayloadTooLarge: {
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
    authorizeOrganization: {
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
            200: components["responses"]["Token"];
            401: components["responses"]["Unauthorized"];
        };
    };
    addOrganizationUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization id (a GUID). */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "new.member@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["NewOrganizationUser"];
            };
        };
        responses: {
            /** @description The user was added, or invited (no body). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Not a JSON object with a valid `email`; the address is already a member or invited, or
             *     is blocked; or the organization is a personal one.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "BAD_REQUEST",
                     *       "message": "new.member@example.com is already invited."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
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
                     *         "name": "Aurora Festival 2027",
                     *         "isArchived": false,
                     *         "organization": {
                     *           "id": "0190f3a2-7c41-7d8e-9b12-3f6a8c0d1e21",
                     *           "name": "Northern Lights Productions"
                     *         },
                     *         "attributes": [
                     *           {
                     *             "attributeId": "0194d9f7-5e43-7a01-9b10-1a2b3c4d5e61",
                     *             "value": "Outdoor"
                     *           }
                     *         ],
                     *         "collaborator": {
                     *           "id": "0193c8e6-4d32-7a01-8c9a-61425ebf2a21",
                     *           "name": "Rivera Audio"
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["OrganizationEvent"][];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
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
                     *           "id": "0194d9f7-5e43-7a01-9b10-1a2b3c4d5e61",
                     *           "name": "Venue Type",
                     *           "type": "Select",
                     *           "isRequired": true,
                     *           "options": [
                     *             {
                     *               "id": "0194d9f7-5e43-7a02-8c11-2b3c4d5e6f71",
                     *               "value": "Indoor",
                     *               "color": "#4CAF50"
                     *             },
                     *             {
                     *               "id": "0194d9f7-5e43-7a03-8d12-3c4d5e6f7a81",
                     *               "value": "Outdoor",
                     *               "color": "#2196F3"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "attributes": [
                     *         {
                     *           "attributeId": "0194d9f7-5e43-7a01-9b10-1a2b3c4d5e61",
                     *           "value": "Outdoor"
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
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
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
                     *         "name": "Rivera Audio"
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
            /** @description The event's name, the area's activities, and its advances. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "eventName": "Aurora Festival 2027",
                     *       "schedule": [
                     *         {
                     *           "id": "0197fc1a-8b76-7a01-9c41-3d4e5f6a7b01",
                     *           "name": "Headliner soundcheck",
                     *           "description": "Full band line check.",
                     *           "exactLocation": "Main Stage, FOH riser",
                     *           "startDateTime": "2027-08-20T14:00:00Z",
                     *           "endDateTime": "2027-08-20T16:00:00Z"
                     *         }
                     *       ],
                     *       "advances": []
                     *     }
                     */
                    "application/json": components["schemas"]["AreaDaysheet"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getCollaboratorDaySheet: {
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
            /** @description The collaborator's day sheet. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "eventName": "Aurora Festival 2027",
                     *       "collaboratorName": "Rivera Audio",
                     *       "schedule": [
                     *         {
                     *           "id": "0197fc1a-8b76-7a01-9c41-3d4e5f6a7b01",
                     *           "name": "Headliner soundcheck",
                     *           "description": "Full band line check.",
                     *           "areas": [
                     *             {
                     *               "id": "0192b7d5-3c21-7a01-8f56-2d0e1a7b8c11",
                     *               "name": "Main Stage"
                     *             }
                     *           ],
                     *           "exactLocation": "Main Stage, FOH riser",
                     *           "startDateTime": "2027-08-20T14:00:00Z",
                     *           "endDateTime": "2027-08-20T16:00:00Z"
                     *         }
                     *       ],
                     *       "contacts": [
                     *         {
                     *           "id": "0195eaf8-6f54-7a01-8a21-1b2c3d4e5f01",
                     *           "firstName": "Sam",
                     *           "lastName": "Rivera",
                     *           "title": "Head of Audio",
                     *           "email": "sam@rivera-audio.example",
                     *           "phone": "+47 400 00 001"
                     *         }
                     *       ],
                     *       "advances": []
                     *     }
                     */
                    "application/json": components["schemas"]["CollaboratorDaySheet"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getCollaboratorDashboard: {
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
            /** @description The collaborator's dashboard. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "contacts": [
                     *         {
                     *           "id": "0195eaf8-6f54-7a01-8a21-1b2c3d4e5f01",
                     *           "firstName": "Sam",
                     *           "lastName": "Rivera",
                     *           "title": "Head of Audio",
                     *           "email": "sam@rivera-audio.example",
                     *           "phoneNumber": "+47 400 00 001"
                     *         }
                     *       ],
                     *       "activities": [
                     *         {
                     *           "id": "0197fc1a-8b76-7a01-9c41-3d4e5f6a7b01",
                     *           "name": "Headliner soundcheck",
                     *           "startDateTime": "2027-08-20T14:00:00Z",
                     *           "endDateTime": "2027-08-20T16:00:00Z"
                     *         }
                     *       ],
                     *       "deliverables": [],
                     *       "incompleteCrew": [],
                     *       "tasks": []
                     *     }
                     */
                    "application/json": components["schemas"]["CollaboratorDashboard"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getCollaboratorCrew: {
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
            /** @description The collaborator's crew. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "crew": [
                     *         {
                     *           "id": "0195eaf8-6f54-7a01-8a21-1b2c3d4e5f01",
                     *           "firstName": "Sam",
                     *           "lastName": "Rivera",
                     *           "email": "sam@rivera-audio.example",
                     *           "phoneNumber": "+47 400 00 001",
                     *           "title": "Head of Audio",
                     *           "isPointOfContact": true,
                     *           "connectedUser": {
                     *             "id": "0196fb09-7a65-7a01-9b31-2c3d4e5f6a01",
                     *             "status": "Active"
                     *           },
                     *           "attributes": []
                     *         }
                     *       ],
                     *       "attributesInfo": []
                     *     }
                     */
                    "application/json": components["schemas"]["CollaboratorCrew"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
}
