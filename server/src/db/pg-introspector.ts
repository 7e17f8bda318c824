import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  type Kysely,
  PostgresDialect,
  PostgresIntrospector,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';

interface ColumnRow {
  schema: string;
  table: string;
  kind: string;
  column: string;
  not_null: boolean;
  has_default: boolean;
  type: string;
  type_schema: string;
  comment: string | null;
  auto_incrementing: boolean;
}

/**
 * Tables of the schemas on this connection's search path only, found by oid.
 *
 * Kysely's own introspector lists the tables of every schema in the database and, for each row,
 * looks the schema up again by name (`has_schema_privilege(nspname, 'USAGE')`,
 * `pg_get_serial_sequence('schema.table', …)`). A schema that another connection drops between the
 * catalog scan and that lookup fails the whole query with `schema "…" does not exist` — naming the
 * other connection's schema. The migrator runs that query before every migration (to find its own
 * tables), so with one schema per test file and two files at a time, a migration failed whenever the
 * other file's cleanup (DROP SCHEMA … CASCADE) committed at that moment. The migrator only needs the
 * tables it can reach: those on the search path (where its unqualified queries go).
 */
export class SearchPathIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  readonly #kysely: PostgresIntrospector;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
    this.#kysely = new PostgresIntrospector(db);
  }

  getSchemas(): Promise<SchemaMetadata[]> {
    return this.#kysely.getSchemas(); // a plain read of pg_namespace
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const internal = options.withInternalKyselyTables
      ? sql``
      : sql`and c.relname not in (${DEFAULT_MIGRATION_TABLE}, ${DEFAULT_MIGRATION_LOCK_TABLE})`;
    // No function here takes a schema or table by name: everything joins on oids.
    const { rows } = await sql<ColumnRow>`
      select ns.nspname as schema, c.relname as table, c.relkind as kind,
             a.attname as column, a.attnotnull as not_null, a.atthasdef as has_default,
             typ.typname as type, tns.nspname as type_schema,
             col_description(c.oid, a.attnum) as comment,
             (a.attidentity <> '' or exists (
                select 1 from pg_catalog.pg_depend d
                join pg_catalog.pg_class s on s.oid = d.objid and s.relkind = 'S'
                where d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid = c.oid
                  and d.refobjsubid = a.attnum and d.classid = 'pg_catalog.pg_class'::regclass
                  and d.deptype in ('a', 'i')
             )) as auto_incrementing
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_catalog.pg_type typ on typ.oid = a.atttypid
      join pg_catalog.pg_namespace tns on tns.oid = typ.typnamespace
      where c.relkind in ('r', 'v', 'p') and ns.nspname = any (current_schemas(false)) ${internal}
      order by ns.nspname, c.relname, a.attnum`.execute(this.#db);
    const tables = new Map<string, TableMetadata>();
    for (const r of rows) {
      const id = `${r.schema}.${r.table}`;
      let table = tables.get(id);
      if (!table) {
        table = { name: r.table, schema: r.schema, isView: r.kind === 'v', columns: [] };
        tables.set(id, table);
      }
      table.columns.push({
        name: r.column,
        dataType: r.type,
        dataTypeSchema: r.type_schema,
        isAutoIncrementing: r.auto_incrementing,
        isNullable: !r.not_null,
        hasDefaultValue: r.has_default,
        ...(r.comment === null ? {} : { comment: r.comment }),
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** Kysely's PostgreSQL dialect with the search-path introspector above (used by the migrator). */
export class SearchPathPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}
