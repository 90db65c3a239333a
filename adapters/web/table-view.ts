import { RULE_COLUMNS, rowCells, ruleTables, type Answer } from '../../src';

/** An answer laid out for the page: the engine's own grouping, one table per mode, cells as text. */
export function tableView(answer: Answer) {
  return {
    answer,
    columns: RULE_COLUMNS,
    tables: ruleTables(answer).map((table) => ({
      mode: table.mode,
      title: table.title,
      rows: table.rows.map((row) => ({ cells: rowCells(row), change: row.change ?? null })),
    })),
  };
}

export type TableView = ReturnType<typeof tableView>;
