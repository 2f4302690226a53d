/**
 * Start-up: read config, listen (health answers 503 until ready), build the
 * knowledge index, then start the Telegram bot if BOT_TOKEN is set. The only
 * place that wires singletons; everything else takes what it needs as arguments.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { RunningBot } from './bot/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { deferredEngine } from './engine/deferred.js';
import { startWorkerEngine, type WorkerEngine } from './engine/worker-engine.js';
import { createLogger } from './logger.js';
import type { KnowledgeWatcher } from './reload/watch.js';
import type { IndexCacheEvent } from './search/index-cache.js';

/**
 * Everything else main wires, imported once the engine's worker has started, so that loading
 * fastify, SQLite and the rest overlaps with the worker loading jieba and the index.
 */
const importRest = () =>
  Promise.all([
    import('./conversation/memory-store.js'),
    import('./reload/log.js'),
    import('./report/source.js'),
    import('./reload/watch.js'),
    import('./server/app.js'),
    import('./shutdown.js'),
    import('./server/listen.js'),
    import('./stores/open-stores.js'),
  ]);

/** Index cache events as log lines: a corrupt or unwritable cache is worth a warning, never a failure. */
function logIndexCache(logger: Logger, e: IndexCacheEvent): void {
  if (e.kind === 'hit') logger.info({ file: e.file, ms: e.ms, bytes: e.bytes }, 'index cache: loaded');
  else if (e.kind === 'written') logger.info({ file: e.file, ms: e.ms, bytes: e.bytes }, 'index cache: written');
  else if (e.kind === 'write-failed') logger.warn({ file: e.file, error: e.error }, 'index cache: cannot write (the next start-up rebuilds the index)');
  else if (e.reason === 'corrupt') logger.warn({ file: e.file, detail: e.detail }, 'index cache: corrupt, rebuilding and replacing it');
  else logger.info({ file: e.file, reason: e.reason }, 'index cache: none for this knowledge, building the index');
}

/** How long shutdown waits for answers in flight before exiting anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function run(config: Config, logger: Logger): Promise<void> {
  let engine: WorkerEngine | null = null;
  // The index is built or loaded, and questions answered, in a worker thread (engine/worker-engine.ts),
  // started first so that jieba and the index load while this thread sets up HTTP and the bot; this
  // thread keeps answering /api/health (503 until then) and never waits for a build.
  const t0 = performance.now();
  const starting = startWorkerEngine({
    knowledgeDir: config.knowledgeDir,
    indexCacheDir: path.join(config.dataDir, 'index-cache'),
    onIndexCache: (e) => logIndexCache(logger, e),
    onWorkerExit: (error) => logger.error({ error: error.message }, 'knowledge engine worker failed'),
  });
  // Handled where it is awaited, below; this keeps an early failure from being reported as unhandled meanwhile.
  starting.catch(() => {});
  const [{ createMemoryConversationStore }, { logFiles, logReload }, { createReportSource, servedLookup }, { watchKnowledge }, { buildApp }, { createShutdown }, { startServer }, { openStores }] =
    await importRest();
  // Records: PostgreSQL with DATABASE_URL, else SQLite under DATA_DIR (memory if it cannot be opened).
  // Shared state in Redis with REDIS_URL. Neither is waited for: a store that is down is retried meanwhile.
  const stores = await openStores({ ...config, logger });
  const { recorder, shared } = stores;
  // On every way out: SQLite writes its queue and closes the file here, synchronously; PostgreSQL in shutdown below.
  process.once('exit', () => void stores.close());
  // Handed to the channels now; it answers "still loading" (EngineNotReadyError) until the index is built.
  const served = deferredEngine(() => engine);
  const reports = createReportSource({ query: stores.query, lookup: () => servedLookup(served), files: () => engine?.knowledgeFiles() ?? [] });
  // One store for every channel (ids are prefixed per channel): in Redis with REDIS_URL (shared by replicas), else bounded in memory; 10-minute TTL.
  const conversations = shared?.conversations ?? createMemoryConversationStore();
  // grammY is loaded only when the bot runs (BOT_TOKEN).
  const botModule = config.bot.kind === 'off' ? null : await import('./bot/index.js');
  const bot =
    config.bot.kind === 'off' || !botModule
      ? null
      : botModule.createBot(config.bot.token, {
          engine: served,
          recorder,
          logger,
          conversations,
          rateLimitPerMinute: config.bot.rateLimitPerMinute,
          ...(shared ? { limiter: shared.botLimiter(config.bot.rateLimitPerMinute), answers: shared.answers } : {}),
          // Polling has one receiver; webhook deliveries of one chat may reach two replicas at once.
          ...(shared && config.bot.kind === 'webhook' ? { chatLock: shared.chatLock } : {}),
          adminIds: config.adminIds,
          reports,
          ...(config.bot.apiRoot ? { apiRoot: config.bot.apiRoot } : {}),
          ...(config.hashSalt ? { hashSalt: config.hashSalt } : {}),
        });
  const app = await buildApp({
    engine: served,
    recorder,
    conversations,
    logger,
    allowedOrigins: config.allowedOrigins,
    rateLimit: { max: config.rateLimitPerMinute, timeWindowMs: 60_000, ...(shared ? { redis: shared.redis } : {}) },
    stores: stores.health,
    trustProxy: config.trustProxy,
    ...(config.hashSalt ? { hashSalt: config.hashSalt } : {}),
    ...(config.adminToken ? { admin: { token: config.adminToken, reports } } : {}),
    plugins: bot && botModule && config.bot.kind === 'webhook' ? [botModule.telegramWebhook(bot, config.bot.secret, shared?.updateClaims)] : [],
  });
  const url = await startServer(app, { host: config.host, port: config.port });

  // Signals are handled from here on, so a stop during the index build is graceful too.
  let running: RunningBot | null = null;
  let watcher: KnowledgeWatcher | null = null;
  const shutdown = createShutdown({
    logger,
    graceMs: SHUTDOWN_GRACE_MS,
    exit: (code) => process.exit(code),
    stop: () => {
      watcher?.close();
      // After the last answer, PostgreSQL gets what is buffered (bounded), and connections close.
      return Promise.allSettled([running?.stop(), app.close()]).then(() => Promise.allSettled([engine?.close(), stores.close()]));
    },
  });
  process.on('SIGTERM', shutdown.handle);
  process.on('SIGINT', shutdown.handle);

  const started = await starting;
  // With Redis, a reload here (admin route, /reload, watcher) makes every replica reload.
  engine = shared ? shared.broadcastReloads(started) : started;
  // Stopped while the index was building: start nothing more, the shutdown exits.
  if (shutdown.stopping) return;
  const stats = engine.stats();
  logFiles(logger, engine.knowledgeFiles(), engine.knowledgeErrors());
  // Edits to the knowledge folder (articles, faq.md, synonyms.txt, userdict.txt) go live without a restart.
  const live = engine;
  watcher = watchKnowledge({
    dir: config.knowledgeDir,
    reload: () => live.reload(),
    onReload: (result, changed) => logReload(logger, result, changed),
    onError: (error) => logger.warn({ error: error.message }, 'knowledge watch failed: changes need a restart or /reload'),
  });

  if (bot && botModule && config.bot.kind !== 'off') {
    // Returns at once: the bot connects in the background, logging when the Bot API is unreachable and when it is back.
    running = botModule.startBot(bot, config.bot, logger);
  }
  logger.info(
    { knowledge: { dir: config.knowledgeDir, ...stats, indexMs: Math.round(performance.now() - t0) }, bot: config.bot.kind, http: url },
    `chuchu ready: ${stats.articles} article(s), ${stats.passages} passages; web demo at ${url}/; Telegram bot ${config.bot.kind === 'off' ? 'off (set BOT_TOKEN to enable)' : config.bot.kind}`,
  );
}

function main(): void {
  // A .env beside package.json is read when present; real environment variables win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`chuchu: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const passwordOf = (url: string | undefined) => (url ? decodeURIComponent(new URL(url).password) : '');
  const secrets = [config.bot.kind === 'off' ? '' : config.bot.token, config.adminToken ?? '', passwordOf(config.databaseUrl), passwordOf(config.redisUrl)];
  const logger = createLogger(config.logLevel, secrets);
  run(config, logger).catch((err: Error) => {
    logger.fatal({ err }, `start-up failed: ${err.message}`);
    process.exit(1);
  });
}

main();
