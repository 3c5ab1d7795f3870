# Kasdesa: the ledger's HTTP server and its CLI (bin/kasdesa), run from the
# TypeScript sources with ts-node (a runtime dependency, so no build step).
#   docker build -t kasdesa .
#   docker run -p 3000:3000 -v kasdesa-data:/data kasdesa
# Node 20 on purpose: better-sqlite3 12 is the line that supports it (13 needs Node 22).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# --- deps: production dependencies, with better-sqlite3's native addon ---
FROM ${NODE_IMAGE} AS deps
# better-sqlite3 downloads a prebuilt addon when one matches, else compiles
# it with node-gyp: python3, make and g++ are needed for that fallback only.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force

# --- runtime: sources and production node_modules, no compilers ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
  KASDESA_STORE=embedded \
  KASDESA_DATA_DIR=/data \
  PORT=3000
WORKDIR /app
# Owned by root and read-only for the app user: the running process cannot alter its own code.
COPY --from=deps /app/node_modules ./node_modules
# The sources: everything .dockerignore lets through (bin, src, migrations, projections once it exists).
COPY . .
# The image's own non-root user (uid 1000) owns only the data folder.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# No curl in the slim image: node's own fetch asks /healthz (503 when the store does not answer).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs, without npm in between: node is PID 1 and gets SIGTERM
# itself, so src/composition/main.ts closes the server and the store cleanly on `docker stop`.
CMD ["node", "--max-semi-space-size=64", "--require", "ts-node/register/transpile-only", "src/composition/main.ts"]
