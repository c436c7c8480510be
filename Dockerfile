# chibo-bot (Trợ lý Chi bộ): docker build -t chibo-bot .   (guide: deploy/README.md)
#
# Build stage: the full install (the SQLite driver is compiled here when no prebuilt binary can be
# downloaded, hence the toolchain), the TypeScript build, then the dev dependencies pruned away.
# Runtime stage: the same base image (so the compiled driver fits), production dependencies, the
# compiled code, migrations and messages; no toolchain, no sources, a non-root user.
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig*.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY locales ./locales
COPY src ./src
# npm ci's postinstall generates the database clients and compiles dist/; the build below only
# compiles again if that was skipped (it is a no-op when dist/ is newer than src/).
RUN npm ci --no-audit --no-fund
RUN node scripts/build.mjs --if-stale && test -f dist/main.js
RUN npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATABASE_URL=file:/app/data/chibo.sqlite \
    HEALTH_PORT=8081 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
# Code owned by root and read-only to the service; only /app/data is the service's to write.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/locales ./locales
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# The SQLite database and its daily backups (data/backups/).
VOLUME ["/app/data"]
# 8080: the webhook (BOT_MODE=webhook); 8081: /healthz and /metrics.
EXPOSE 8080 8081
# No curl in slim images: node's own fetch asks the health endpoint.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# node is PID 1, so `docker stop` delivers SIGTERM to the bot itself, which stops within 5 s.
CMD ["node", "dist/main.js"]
