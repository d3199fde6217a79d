/**
 * Ports of the force directory (issue 9): what escalation, alerts and follow-ups ask (`ForceReader`) and
 * what the admin use cases write (`ForceRepository`). One DynamoDB adapter implements both
 * (shared/adapters/dynamodb/force-repository.ts); unit tests use an in-memory fake.
 */
import type { OfficerRecord, Posting } from '../../domain/force/personnel.ts';
import type { ForceStructure, Post, Unit } from '../../domain/force/structure.ts';

export interface ForceReader {
  /** Every unit and post, indexed (a few hundred items; adapters may cache it briefly). */
  structure(): Promise<ForceStructure>;
  /** A post's postings, oldest first: the history of who held it. */
  postingsOfPost(postId: string): Promise<Posting[]>;
  officer(serviceNumber: string): Promise<OfficerRecord | undefined>;
}

/** One all-or-nothing write of the directory (a single DynamoDB transaction). */
export interface ForceChanges {
  units?: readonly Unit[];
  posts?: readonly Post[];
  /** Officers to create (`expectedVersion` absent: must not exist yet) or update (stored version must match). */
  officers?: readonly { officer: OfficerRecord; expectedVersion?: number }[];
  /** New postings (must not exist yet). */
  openPostings?: readonly Posting[];
  /** Open postings to close: `to` is set once and never changed again. */
  closePostings?: readonly Posting[];
}

/** The most writes one all-or-nothing change may hold (DynamoDB's limit of actions per transaction). */
export const MAX_CHANGE_WRITES = 100;

export const changeCount = (changes: ForceChanges): number =>
  (changes.units?.length ?? 0) +
  (changes.posts?.length ?? 0) +
  (changes.officers?.length ?? 0) +
  (changes.openPostings?.length ?? 0) +
  (changes.closePostings?.length ?? 0);

export interface ForceRepository extends ForceReader {
  postingsOfOfficer(serviceNumber: string): Promise<Posting[]>;
  /** All officers (roster checks and the admin list). */
  officers(): Promise<OfficerRecord[]>;
  /** Writes everything or nothing; ConflictError when a condition failed (a concurrent change). */
  apply(changes: ForceChanges): Promise<void>;
}

/** The sign-in user of an officer: created or linked, with role and area from their posting (never the client). */
export interface OfficerAccounts {
  /** Creates the user when missing, else updates it; returns its username. */
  ensure(account: {
    username: string;
    name: string;
    phone?: string;
    role: string;
    area: { district?: string; region?: string; circle?: string; station?: string };
  }): Promise<string>;
}
