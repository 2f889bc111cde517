# authflow-mocks as a container: the mock server on 0.0.0.0:$PORT (4010), as a non-root user.
#
#   npm ci && npm run build          # the image takes the built CLI from dist/ (no npm inside)
#   docker build -t authflow-mocks .
#   docker run --rm -p 4010:4010 authflow-mocks
#
# Settings (environment): PORT; AUTHFLOW_CONFIG (a mounted config file) or AUTHFLOW_CONFIG_JSON
# (the config inline); AUTHFLOW_CONTROL_TOKEN or AUTHFLOW_CONTROL_TOKEN_FILE (a mounted secret):
# without one the control plane is off, as on any server beyond loopback; AUTHFLOW_ALLOWED_HOSTS
# (host names the control plane accepts, e.g. the compose service name); AUTHFLOW_STORE
# (redis://host:6379/0: replicas sharing one world). Arguments after the
# image name are serve's options (`docker run … authflow-mocks --provider eventix`).
#
# Nothing runs at build time (no RUN): the image is the base plus the files `serve` reads.
FROM node:22-bookworm-slim

LABEL org.opencontainers.image.title="authflow-mocks" \
      org.opencontainers.image.description="Offline mocks of the authentication flows of event and ticketing APIs" \
      org.opencontainers.image.licenses="MIT"

ENV NODE_ENV=production \
    PORT=4010

WORKDIR /app
# What `serve` reads at run time: the CLI bundle, the inspector page, the specs (API reference),
# the config schema, the yaml parser (YAML config files), the Redis client (AUTHFLOW_STORE=redis://…),
# package.json (--version) and the licence.
COPY package.json LICENSE ./
COPY specs/ specs/
COPY schema/ schema/
COPY node_modules/yaml/ node_modules/yaml/
COPY node_modules/@redis/client/ node_modules/@redis/client/
COPY dist/inspector/ dist/inspector/
COPY dist/cli/ dist/cli/

# The base image's unprivileged user (uid 1000); the files above stay root's, read-only to it.
USER node
EXPOSE 4010

# Exec form, no shell: node itself asks /healthz on the port the server listens on.
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4010)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# node is PID 1 and the CLI handles SIGTERM itself: requests in flight finish, then exit 0
# (connections still open after 5 s are cut, inside `docker stop`'s 10 s).
ENTRYPOINT ["node", "/app/dist/cli/cli.js", "serve", "--host", "0.0.0.0"]
CMD []
