import { sql, type Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/**
 * The risk register (issue 4; docs/risk-lifecycle.md): risks with their lifecycle record, the cases and
 * warnings linked to them, the timeline, assessments, disposal tasks and their files, 批示/交办, and the
 * court's outside agencies. JSON is text (schema.ts); instants ISO UTC text; flags 0/1.
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'risk')
        .addColumn('domain', TEXT, (c) => c.notNull())
        .addColumn('subtype', TEXT, (c) => c.notNull())
        .addColumn('title', TEXT, (c) => c.notNull())
        .addColumn('description', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('status_since', TEXT, (c) => c.notNull())
        // Current level and its severity rank (1 红 … 4 蓝), copied out of `score` to filter and sort.
        .addColumn('level', TEXT, (c) => c.notNull())
        .addColumn('level_rank', 'integer', (c) => c.notNull())
        .addColumn('score', TEXT, (c) => c.notNull())
        .addColumn('initial_level', TEXT, (c) => c.notNull())
        .addColumn('level_history', TEXT, (c) => c.notNull())
        .addColumn('owner_id', TEXT)
        .addColumn('department_id', TEXT)
        .addColumn('tags', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('first_assessed_at', TEXT)
        .addColumn('plan_submitted_at', TEXT)
        .addColumn('last_reviewed_at', TEXT)
        .addColumn('next_review_on', TEXT)
        .addColumn('reported_to_leader_at', TEXT)
        .addColumn('reported_upward_at', TEXT)
        .addColumn('reported_upward_automatic', 'integer')
        .addColumn('resolution', TEXT)
        .addColumn('approvals', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('closure', TEXT)
        // 上级交办: the upper court that assigned the risk down (it sees the risk without a report).
        .addColumn('assigned_by_court_id', TEXT)
        .addColumn('created_by', TEXT),
    ),
    'risk',
  ).execute();
  await indexById(db, 'risk');
  await db.schema.createIndex('risk_court_status_idx').on('risk').columns(['court_id', 'status']).execute();
  await db.schema.createIndex('risk_court_created_idx').on('risk').columns(['court_id', 'created_at']).execute();

  await withTenantKey(
    createTenantTable(db, 'risk_case')
      .addColumn('risk_id', TEXT, (c) => c.notNull())
      .addColumn('case_id', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull())
      .addUniqueConstraint('risk_case_court_risk_case_key', ['court_id', 'risk_id', 'case_id']),
    'risk_case',
  ).execute();
  await db.schema.createIndex('risk_case_court_case_idx').on('risk_case').columns(['court_id', 'case_id']).execute();

  // A warning is confirmed into at most one risk.
  await withTenantKey(
    createTenantTable(db, 'risk_warning')
      .addColumn('risk_id', TEXT, (c) => c.notNull())
      .addColumn('warning_id', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull())
      .addUniqueConstraint('risk_warning_court_warning_key', ['court_id', 'warning_id']),
    'risk_warning',
  ).execute();
  await db.schema.createIndex('risk_warning_court_risk_idx').on('risk_warning').columns(['court_id', 'risk_id']).execute();

  await withTenantKey(
    createTenantTable(db, 'risk_event')
      .addColumn('risk_id', TEXT, (c) => c.notNull())
      .addColumn('event', TEXT, (c) => c.notNull())
      .addColumn('at', TEXT, (c) => c.notNull())
      .addColumn('actor_id', TEXT)
      .addColumn('actor_name', TEXT, (c) => c.notNull())
      .addColumn('actor_court_id', TEXT)
      .addColumn('from_status', TEXT)
      .addColumn('to_status', TEXT)
      .addColumn('level_change', TEXT)
      .addColumn('upward_report', TEXT)
      .addColumn('summary', TEXT, (c) => c.notNull())
      .addColumn('details', TEXT, (c) => c.notNull().defaultTo('{}'))
      .addColumn('mention_ids', TEXT, (c) => c.notNull().defaultTo('[]')),
    'risk_event',
  ).execute();
  await db.schema.createIndex('risk_event_court_risk_idx').on('risk_event').columns(['court_id', 'risk_id', 'at']).execute();

  await withTenantKey(
    createTenantTable(db, 'risk_assessment')
      .addColumn('risk_id', TEXT, (c) => c.notNull())
      .addColumn('held_on', TEXT, (c) => c.notNull())
      .addColumn('form', TEXT, (c) => c.notNull())
      .addColumn('participants', TEXT, (c) => c.notNull())
      .addColumn('conclusion', TEXT, (c) => c.notNull())
      .addColumn('level_change', TEXT)
      .addColumn('recorded_by', TEXT, (c) => c.notNull())
      .addColumn('recorded_by_name', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'risk_assessment',
  ).execute();
  await db.schema.createIndex('risk_assessment_court_risk_idx').on('risk_assessment').columns(['court_id', 'risk_id']).execute();

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'risk_task')
        .addColumn('risk_id', TEXT, (c) => c.notNull())
        .addColumn('assignee_kind', TEXT, (c) => c.notNull())
        .addColumn('assignee_department_id', TEXT)
        .addColumn('assignee_account_id', TEXT)
        .addColumn('agency_id', TEXT)
        .addColumn('description', TEXT, (c) => c.notNull())
        .addColumn('due_on', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('feedback', TEXT)
        .addColumn('return_reason', TEXT)
        .addColumn('accepted_at', TEXT)
        .addColumn('fed_back_at', TEXT)
        .addColumn('completed_at', TEXT)
        .addColumn('returned_at', TEXT)
        .addColumn('created_by', TEXT),
    ),
    'risk_task',
  ).execute();
  await indexById(db, 'risk_task');
  await db.schema.createIndex('risk_task_court_risk_idx').on('risk_task').columns(['court_id', 'risk_id']).execute();
  await db.schema.createIndex('risk_task_court_agency_idx').on('risk_task').columns(['court_id', 'agency_id']).execute();

  await withTenantKey(
    createTenantTable(db, 'risk_task_file')
      .addColumn('task_id', TEXT, (c) => c.notNull())
      .addColumn('file_name', TEXT, (c) => c.notNull())
      .addColumn('content_type', TEXT, (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('sha256', TEXT, (c) => c.notNull())
      .addColumn('stored_path', TEXT, (c) => c.notNull())
      .addColumn('uploaded_by', TEXT, (c) => c.notNull())
      .addColumn('uploaded_by_name', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'risk_task_file',
  ).execute();
  await db.schema.createIndex('risk_task_file_court_task_idx').on('risk_task_file').columns(['court_id', 'task_id']).execute();

  // court_id is the risk's court (the receiving court signs); from_court_id is who gave it.
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'risk_instruction')
        .addColumn('risk_id', TEXT, (c) => c.notNull())
        .addColumn('kind', TEXT, (c) => c.notNull())
        .addColumn('from_court_id', TEXT, (c) => c.notNull())
        .addColumn('author_id', TEXT, (c) => c.notNull())
        .addColumn('author_name', TEXT, (c) => c.notNull())
        .addColumn('content', TEXT, (c) => c.notNull())
        .addColumn('reply_by', TEXT)
        .addColumn('acknowledged_at', TEXT)
        .addColumn('acknowledged_by', TEXT)
        .addColumn('acknowledged_by_name', TEXT)
        .addColumn('acknowledge_note', TEXT),
    ),
    'risk_instruction',
  ).execute();
  await indexById(db, 'risk_instruction');
  await db.schema.createIndex('risk_instruction_court_risk_idx').on('risk_instruction').columns(['court_id', 'risk_id']).execute();

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'agency')
        .addColumn('name', TEXT, (c) => c.notNull())
        .addColumn('kind', TEXT, (c) => c.notNull())
        .addColumn('contacts', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('note', TEXT)
        // Deleted agencies stay for the tasks and assessments that name them.
        .addColumn('deleted_at', TEXT),
    ),
    'agency',
  ).execute();
  await indexById(db, 'agency');
  // Partial unique index (SQLite and PostgreSQL both support it): a deleted agency's name can be reused.
  await db.schema.createIndex('agency_court_name_key').on('agency').columns(['court_id', 'name']).unique().where(sql.ref('deleted_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of ['agency', 'risk_instruction', 'risk_task_file', 'risk_task', 'risk_assessment', 'risk_event', 'risk_warning', 'risk_case', 'risk']) {
    await db.schema.dropTable(table).execute();
  }
}
