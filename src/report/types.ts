import type { FileReport } from '../knowledge/accounting.js';
import type { Channel } from '../records/recorder.js';

/** Asked and answered in one channel (or `all`) over the report's period. */
export interface ChannelStats {
  channel: Channel | 'all';
  asked: number;
  answered: number;
  declined: number;
  /** answered / asked, 0–1 (0 when nothing was asked). */
  answeredShare: number;
}

/** Declined questions that share a key term: one "topic the knowledge base lacks". */
export interface DeclinedGroup {
  /** The shared key term (search word) the group was formed on. */
  term: string;
  /** The longest text around the term that every question in the group shares (东江湖 rather than 江湖). */
  label: string;
  /** How many times questions of this group were asked. */
  asked: number;
  /** The distinct phrasings, most asked first. */
  questions: Array<{ question: string; asked: number }>;
}

/** Where a passage sits in the current knowledge (null when it is no longer there). */
export interface PassageInfo {
  article: string;
  section: string | null;
  paragraph: number;
}

export type PassageLookup = (passageId: string) => PassageInfo | null;

/** One (question, passage) answer that people voted on, most 👎 first. */
export interface DislikedAnswer extends Partial<PassageInfo> {
  question: string;
  passageId: string;
  down: number;
  up: number;
}

/** An article by how often it gave the first excerpt of an answer. */
export interface ArticleUse {
  article: string;
  answers: number;
  /** Distinct passages of the article that were cited first. */
  passages: number;
}

export interface Report {
  /** ISO times; the period is [since, until). */
  since: string;
  until: string;
  channels: ChannelStats[];
  total: ChannelStats;
  declined: DeclinedGroup[];
  disliked: DislikedAnswer[];
  articles: ArticleUse[];
  /** Knowledge files skipped (with why) or failed (with where and why), when the source knows them. */
  files?: FileReport[];
}

export interface ReportOptions {
  since: Date;
  /** Rows per table (default 20). */
  limit?: number;
}

/** What the bot and the admin routes ask for a report. */
export interface ReportSource {
  report(options: ReportOptions): Promise<Report>;
}

/** Article name used when a cited passage is no longer in the knowledge folder. */
export const UNKNOWN_ARTICLE = '（知识库中已没有这段）';
