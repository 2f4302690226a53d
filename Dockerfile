# chuchu: web API + widget + Telegram bot. Multi-stage: compilers only in the build stage.
#   docker build -t chuchu .
#   docker run -p 3000:3000 --env-file .env -v "$PWD/knowledge:/app/knowledge:ro" -v chuchu-data:/data chuchu

# --- build: compile the native addons (nodejieba, better-sqlite3), the sources, the widget; prebuild the index ---
FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first, so a change to the sources does not recompile them.
# .npmrc (yes=true) lets nodejieba's install build from source without a prompt.
# (`prepare` builds dist/ only once scripts/ is there: below.)
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY scripts ./scripts
COPY src ./src
COPY knowledge ./knowledge
# JavaScript in dist/ (no TypeScript compiler at run time), the widget bundled and precompressed,
# and the index of the shipped knowledge, so the first start loads it instead of building it.
RUN npm run build \
 && DATA_DIR=/data npm run build-index \
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime: no compilers, not root ---
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    KNOWLEDGE_DIR=/app/knowledge \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build --chown=node:node /app/knowledge ./knowledge
COPY --from=build --chown=node:node /data /data
USER node
# A named volume starts with the prebuilt index; a bind mount starts empty and is filled on first start.
VOLUME ["/app/knowledge", "/data"]
EXPOSE 3000
# node, not curl: the slim image has no curl. 503 while the index loads counts as not yet healthy.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 (not npm), so SIGTERM reaches main's graceful shutdown.
CMD ["node", "dist/main.js"]
