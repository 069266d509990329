# Cadence container image, for deployment (no Docker engine runs on the development machines).
# One image runs either the API + web app (the default command) or a publisher
# (`node apps/publisher/dist/main.js`); see docker-compose.yml and README.md.
# The server runs compiled: `node tools/build/build.mjs` bundles it with esbuild into apps/api/dist and
# apps/publisher/dist and builds the web app (docs/decisions/0092-compiled-server-runtime.md).

FROM node:20-slim AS base
ENV CI=true
RUN npm install --global pnpm@12.21.0 && pnpm --version
WORKDIR /app

# Dependencies are fetched from the lockfile alone, so editing sources reuses this layer.
FROM base AS build
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN --mount=type=cache,id=pnpm-store,target=/pnpm-store pnpm fetch --store-dir /pnpm-store
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm-store \
    pnpm install --offline --frozen-lockfile --store-dir /pnpm-store
# The API serves the web app from apps/web/dist (same origin, one port); the server bundles beside it.
RUN node tools/build/build.mjs

FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    PUBLISHER_IN_PROCESS=false \
    # Two glibc malloc arenas instead of 8 per core: libvips and stream buffers from many threads
    # otherwise leave memory spread over arenas (decision 0281, bench/results.md "Media uploads").
    MALLOC_ARENA_MAX=2
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is the main process, so SIGTERM reaches the graceful shutdown.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=4", "apps/api/dist/main.js"]
