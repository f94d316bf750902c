import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HabilitationStatus, HabilitationSummaryView, Page } from '@federation/partners-contracts';
import { HabilitationRequestEntity, OrganisationEntity } from '@federation/partners-data';
import type { AdminHabilitationsQueryDto } from './dto/habilitation-queries.dto';
import { summaryView } from './habilitation-views';

interface QueueRow {
  id: string;
  type: 'franceconnect';
  status: HabilitationStatus;
  project_name: string | null;
  validated_version: number;
  submitted_at: Date;
  updated_at: Date;
  created_at: Date;
  organisation_id: string;
  siret: string;
  organisation_name: string;
}

/**
 * `%text%` for LIKE on search_text: lower-cased like the column (so LIKE, a byte comparison, is
 * enough and twice as cheap as ILIKE), with the user's own `%`, `_` and `\` taken literally.
 */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A text search stops counting there: « plus de 1 000 demandes », the instructor refines the search. */
export const SEARCH_COUNT_CAP = 1_000;

/**
 * The instruction queue at 100k requests. The rows are wide (three copies of the content), so the
 * queries touch them only for the page being shown: the page's ids come from a narrow index in the
 * requested order — (status, submitted_at, id), (submitted_at, id) INCLUDE (status, search_text) for
 * dates and text, (organisation_id, …) for an organisation or a SIRET — and the wide rows and
 * organisations are joined for those ids only. The total runs alongside: a bare count(*) over the
 * same index when browsing; for a text search, a count that stops at SEARCH_COUNT_CAP, because
 * counting every match of a frequent word means testing the pattern on every submitted request
 * (~30 ms at 100k), while the page itself stops after its 20 matches. A rare word is served by the
 * trigram index (the planner chooses from the trigram statistics).
 */
@Injectable()
export class HabilitationQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(query: AdminHabilitationsQueryDto): Promise<Page<HabilitationSummaryView>> {
    const requests = this.dataSource.getMetadata(HabilitationRequestEntity).tablePath;
    const organisations = this.dataSource.getMetadata(OrganisationEntity).tablePath;
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;

    const conditions = ['r.submitted_at IS NOT NULL'];
    if (query.status) conditions.push(`r.status = ${bind(query.status)}`);
    if (query.organisationId) conditions.push(`r.organisation_id = ${bind(query.organisationId)}`);
    if (query.siret) conditions.push(`r.organisation_id = (SELECT o.id FROM ${organisations} o WHERE o.siret = ${bind(query.siret)})`);
    // Whole days in Paris time, both ends included.
    if (query.submittedFrom) conditions.push(`r.submitted_at >= (${bind(query.submittedFrom)}::date::timestamp AT TIME ZONE 'Europe/Paris')`);
    if (query.submittedTo) conditions.push(`r.submitted_at < ((${bind(query.submittedTo)}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`);
    if (query.q) conditions.push(`r.search_text LIKE ${bind(containsPattern(query.q))}`);
    const where = conditions.join(' AND ');
    const countSql = `SELECT count(*) AS total FROM ${requests} r WHERE ${where}`;
    const filterParams = [...params];

    const order = query.sort === 'submitted_desc' ? 'DESC' : 'ASC';
    const limit = `LIMIT ${bind(query.pageSize)} OFFSET ${bind((query.page - 1) * query.pageSize)}`;
    const pageRows = (pageSql: string) => `
      SELECT page.*, r.type, r.status, r.project_name, r.validated_version, r.updated_at, r.created_at,
             o.id AS organisation_id, o.siret, o.name AS organisation_name
      FROM (${pageSql}) page
      JOIN ${requests} r ON r.id = page.id
      JOIN ${organisations} o ON o.id = r.organisation_id
      ORDER BY page.submitted_at ${order}, page.id ${order}`;

    const pageSql = pageRows(`SELECT r.id, r.submitted_at FROM ${requests} r WHERE ${where} ORDER BY r.submitted_at ${order}, r.id ${order} ${limit}`);
    const totalSql = query.q ? `SELECT count(*) AS total FROM (SELECT 1 FROM ${requests} r WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) capped` : countSql;
    const [rows, counted] = await Promise.all([this.dataSource.query<QueueRow[]>(pageSql, params), this.count(totalSql, filterParams)]);
    const totalIsCapped = query.q !== undefined && counted > SEARCH_COUNT_CAP;
    const total = totalIsCapped ? SEARCH_COUNT_CAP : counted;
    return {
      items: rows.map((row) =>
        summaryView(
          {
            id: row.id,
            type: row.type,
            status: row.status,
            projectName: row.project_name,
            validatedVersion: row.validated_version,
            submittedAt: row.submitted_at,
            updatedAt: row.updated_at,
            createdAt: row.created_at,
          },
          { id: row.organisation_id, siret: row.siret, name: row.organisation_name },
        ),
      ),
      total,
      ...(totalIsCapped ? { totalIsCapped } : {}),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const [{ total }] = await this.dataSource.query<[{ total: string }]>(sql, params);
    return Number(total);
  }
}
