/** In-memory force directory with the adapter's all-or-nothing and never-overwrite semantics. */
import type { ForceChanges, ForceRepository, OfficerAccounts } from '../../../shared/app/force/ports.ts';
import { ConflictError } from '../../../shared/domain/errors.ts';
import type { OfficerRecord, Posting } from '../../../shared/domain/force/personnel.ts';
import { seedStructure } from '../../../shared/domain/force/seed.ts';
import { ForceStructure, type Post, type Unit } from '../../../shared/domain/force/structure.ts';

const postingId = (p: Posting) => `${p.postId}|${p.from}|${p.serviceNumber}`;

export class InMemoryForce implements ForceRepository {
  units = new Map<string, Unit>();
  posts = new Map<string, Post>();
  officerRecords = new Map<string, OfficerRecord>();
  postings = new Map<string, Posting>();
  applied = 0;

  constructor(seed = seedStructure()) {
    for (const u of seed.units) this.units.set(u.id, u);
    for (const p of seed.posts) this.posts.set(p.id, p);
  }

  async structure() {
    return new ForceStructure([...this.units.values()], [...this.posts.values()]);
  }
  async postingsOfPost(postId: string) {
    return [...this.postings.values()]
      .filter((p) => p.postId === postId)
      .sort((a, b) => a.from.localeCompare(b.from));
  }
  async postingsOfOfficer(serviceNumber: string) {
    return [...this.postings.values()]
      .filter((p) => p.serviceNumber === serviceNumber)
      .sort((a, b) => a.from.localeCompare(b.from));
  }
  async officer(serviceNumber: string) {
    return this.officerRecords.get(serviceNumber);
  }
  async officers() {
    return [...this.officerRecords.values()];
  }
  async apply(changes: ForceChanges) {
    // Check every condition first: nothing is written unless all hold.
    for (const { officer, expectedVersion } of changes.officers ?? []) {
      const stored = this.officerRecords.get(officer.serviceNumber);
      if (expectedVersion === undefined ? stored : stored?.version !== expectedVersion) {
        throw new ConflictError('officer condition failed');
      }
    }
    for (const p of changes.openPostings ?? []) {
      if (this.postings.has(postingId(p))) throw new ConflictError('posting exists');
    }
    for (const p of changes.closePostings ?? []) {
      const stored = this.postings.get(postingId(p));
      if (!stored || stored.to !== undefined) throw new ConflictError('posting not open');
    }
    for (const u of changes.units ?? []) this.units.set(u.id, u);
    for (const p of changes.posts ?? []) this.posts.set(p.id, p);
    for (const { officer } of changes.officers ?? []) this.officerRecords.set(officer.serviceNumber, officer);
    for (const p of changes.openPostings ?? []) this.postings.set(postingId(p), p);
    for (const p of changes.closePostings ?? []) this.postings.set(postingId(p), p);
    this.applied++;
  }

  /** Test helper: an officer posted at a post from an instant (and, optionally, until another). */
  post(
    officer: Pick<OfficerRecord, 'serviceNumber' | 'name' | 'rank'> & Partial<OfficerRecord>,
    postId: string,
    from: string,
    to?: string,
  ) {
    this.officerRecords.set(officer.serviceNumber, {
      createdAt: from,
      updatedAt: from,
      version: 1,
      ...officer,
    });
    const posting: Posting = {
      postId,
      serviceNumber: officer.serviceNumber,
      from,
      ...(to ? { to } : {}),
      recordedBy: 'test',
      recordedAt: from,
    };
    this.postings.set(postingId(posting), posting);
  }
}

export class RecordingAccounts implements OfficerAccounts {
  users = new Map<string, Parameters<OfficerAccounts['ensure']>[0]>();
  async ensure(account: Parameters<OfficerAccounts['ensure']>[0]) {
    this.users.set(account.username, account);
    return account.username;
  }
}
