import WardenAuditRecord

extension FileFollowBackend {
    /// The last `count` records matching `filter` in the active file, read backwards from its end
    /// (`tail -n 10` of a large log reads about ten lines, not the whole file). Following then
    /// continues after the last complete line; a last line still being written is read once its
    /// newline arrives. Records read this way carry no line number (their lines are not
    /// counted), an error's location does.
    func backlog(_ count: Int, filter: AuditFilter) throws(AuditReadError) -> [AuditReadRecord] {
        var earlier: [AuditReadRecord] = []
        // Normally just opens the active file; archives rotated since following started are
        // read whole first (they are new and few).
        if current == nil { try catchUp(into: &earlier) }
        guard let open = current else { return Array(earlier.filter { filter.matches($0.record) }.suffix(count)) }
        let size: Int64
        do { size = try open.fd.status().size } catch {
            throw AuditReadError(.unreadable, at: location(path), "cannot inspect: \(error)")
        }
        let reader = BackwardLineReader(open.fd, from: size, floor: offset)
        defer { bytesRead += reader.bytesRead }
        var kept: [AuditReadRecord] = []
        var followFrom = size
        var candidate = try previousLine(reader, in: open.fd)
        if let line = candidate, !line.terminated {
            followFrom = line.offset  // still being written: read it once its newline arrives
            candidate = count > 0 ? try previousLine(reader, in: open.fd) : nil
        }
        while kept.count < count, let line = candidate {
            let parsed = try parse(line.bytes, in: open.fd, file: path, at: line.offset, number: nil)
            if filter.matches(parsed.record) {
                kept.append(
                    AuditReadRecord(
                        record: parsed.record, line: String(decoding: line.bytes, as: UTF8.self),
                        location: parsed.location))
            }
            candidate = kept.count < count ? try previousLine(reader, in: open.fd) : nil
        }
        if followFrom != offset {
            lineNumber = nil
            offset = followFrom
            do { try watch.remember(open.fd, before: followFrom) } catch {
                throw AuditReadError(.unreadable, at: location(path), "cannot read: \(error)")
            }
        }
        let fromArchives =
            kept.count < count ? earlier.filter { filter.matches($0.record) }.suffix(count - kept.count) : []
        return fromArchives + kept.reversed()
    }

    private func previousLine(_ reader: BackwardLineReader, in fd: FileDescriptor) throws(AuditReadError)
        -> BackwardLineReader.Line?
    {
        do { return try reader.previous() } catch {
            switch error {
            case .system(let system):
                throw AuditReadError(.unreadable, at: location(path), "cannot read: \(system)")
            case .lineTooLong(let end):
                throw AuditReadError(
                    .invalidRecord, at: location(path, line: try countedLineNumber(of: end, in: fd, file: path)),
                    "line longer than \(LineReader.maxLineBytes) bytes; this is not an audit log")
            case .shrank:
                throw AuditReadError(
                    .unreadable, at: location(path),
                    "the file became shorter while its last records were read (cut by log rotation?); run tail again")
            }
        }
    }
}
