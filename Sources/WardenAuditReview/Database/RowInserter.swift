import GRDB
import GRDBSQLite

/// Binds parameters of prepared inserts through the SQLite C API and runs them.
///
/// Text is bound with `SQLITE_STATIC` from `bytes`, which must outlive every run; the caller
/// clears the bindings before `bytes` goes away. Binding fails only for a parameter index the
/// statement lacks or a statement that is running, programming errors that stop the process as
/// GRDB's own binding does. A failed step is reported as GRDB's `DatabaseError`; the statement
/// is reset and GRDB's transaction rolls back around it.
final class RowInserter {
    let bytes: UnsafeBufferPointer<UInt8>
    let database: Database
    /// The statements parameters were bound to, to clear at the end.
    private var used: [Statement] = []

    init(bytes: UnsafeBufferPointer<UInt8>, database: Database) {
        self.bytes = bytes
        self.database = database
    }

    /// Inserts `count` rows with `insert` (`INSERT INTO table(columns)`, `columns` of them),
    /// `rowsPerStatement` rows per statement and the rest one by one; `bind` binds row `row`'s
    /// columns after the parameter index it is given (0 for the first row of a statement).
    func insertAll(
        _ count: Int, rowsPerStatement: Int, _ insert: String, columns: Int32,
        bind: (Statement, Int32, Int) -> Void
    ) throws {
        let grouped = count / rowsPerStatement * rowsPerStatement
        if grouped > 0 {
            let statement = try database.cachedStatement(
                sql: Self.sql(insert, columns: columns, rows: rowsPerStatement))
            used.append(statement)
            for first in stride(from: 0, to: grouped, by: rowsPerStatement) {
                for k in 0..<rowsPerStatement { bind(statement, Int32(k) * columns, first + k) }
                try run(statement)
            }
        }
        if grouped < count {
            let statement = try database.cachedStatement(sql: Self.sql(insert, columns: columns, rows: 1))
            used.append(statement)
            for row in grouped..<count {
                bind(statement, 0, row)
                try run(statement)
            }
        }
    }

    /// `insert VALUES (?,...),(?,...)` for `rows` rows of `columns` parameters.
    private static func sql(_ insert: String, columns: Int32, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: Int(columns)).joined(separator: ",") + ")"
        return insert + " VALUES " + Array(repeating: row, count: rows).joined(separator: ",")
    }

    func bind(_ statement: Statement, _ index: Int32, _ value: Int) {
        check(sqlite3_bind_int64(statement.sqliteStatement, index, sqlite3_int64(value)), statement)
    }

    func bind(_ statement: Statement, _ index: Int32, _ value: Int64) {
        check(sqlite3_bind_int64(statement.sqliteStatement, index, sqlite3_int64(value)), statement)
    }

    func bind(_ statement: Statement, _ index: Int32, _ text: RecordRows.Text?) {
        guard let text else {
            check(sqlite3_bind_null(statement.sqliteStatement, index), statement)
            return
        }
        // A valid address even for empty text (a null pointer would bind NULL).
        let pointer =
            (bytes.baseAddress.map { UnsafeRawPointer($0 + text.lowerBound) } ?? UnsafeRawPointer(Self.empty.utf8Start))
            .assumingMemoryBound(to: CChar.self)
        check(sqlite3_bind_text(statement.sqliteStatement, index, pointer, Int32(text.count), nil), statement)
    }

    func bind(_ statement: Statement, _ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            let pointer = UnsafeRawPointer(utf8.baseAddress ?? Self.empty.utf8Start).assumingMemoryBound(to: CChar.self)
            check(
                sqlite3_bind_text(statement.sqliteStatement, index, pointer, Int32(utf8.count), Self.transient),
                statement)
        }
    }

    /// Runs `statement` with its bound parameters, then resets it for the next row.
    func run(_ statement: Statement) throws {
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let message = database.lastErrorMessage
            sqlite3_reset(statement.sqliteStatement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Clears every binding made, so no statement keeps pointers into `bytes`.
    func clearBindings() {
        for statement in used { sqlite3_clear_bindings(statement.sqliteStatement) }
    }

    private func check(_ code: Int32, _ statement: Statement) {
        precondition(code == SQLITE_OK, "cannot bind a parameter of `\(statement.sql)`: sqlite error \(code)")
    }

    private static let empty: StaticString = ""

    /// SQLite's `SQLITE_TRANSIENT` destructor: copy the bytes before returning.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
