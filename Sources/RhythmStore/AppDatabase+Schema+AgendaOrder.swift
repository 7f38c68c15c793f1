import GRDB

extension AppDatabase {
    /// v10-agenda-order: each agenda item's place among the items of its meeting, and who
    /// withdrew it and when (a withdrawn item is kept, off the agenda).
    ///
    /// Items already there are numbered in the order agendas showed them until now, by when
    /// they were submitted, so no agenda changes on upgrade.
    static func addAgendaOrder(_ db: Database) throws {
        try db.alter(table: "agenda_item") { table in
            table.add(column: "position", .integer).notNull().defaults(to: 1).check { $0 > 0 }
            table.add(column: "withdrawn_at", .datetime)
            table.add(column: "withdrawn_by", .text)
        }
        try db.execute(
            sql: """
                UPDATE agenda_item SET position = (
                    SELECT COUNT(*) FROM agenda_item AS earlier
                    WHERE earlier.series_id = agenda_item.series_id
                        AND earlier.occurrence_date = agenda_item.occurrence_date
                        AND (earlier.created_at < agenda_item.created_at
                            OR (earlier.created_at = agenda_item.created_at AND earlier.id <= agenda_item.id)))
                """)
    }
}
