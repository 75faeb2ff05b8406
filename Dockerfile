# Hearth in a container: a build stage with the compilers better-sqlite3 needs, and a slim
# runtime stage that runs as the unprivileged `node` user, with Chromium for PDF export and the
# PostgreSQL client tools for `npm run backup` / `restore`. See docs/deploy.md.

FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci --no-audit --no-fund
COPY . .
# Builds the Next app and the server bundles (.next/hearth-server.mjs, the server it starts and the file-text reader beside it); nothing is started here.
RUN npx tsx scripts/start.ts

FROM node:20-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium postgresql-client tar gzip \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    HEARTH_DATA_DIR=/data \
    HEARTH_CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Liveness; a load balancer should use /api/ready, which fails while the instance drains.
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM drains: requests in flight finish, sockets move elsewhere, then the process exits (within 10 s).
STOPSIGNAL SIGTERM
CMD ["node", ".next/hearth-server.mjs"]
