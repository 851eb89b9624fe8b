import WardenAuditRecord

extension FileFollowBackend {
    /// Emits every complete line from `offset` to the end of `fd`; an incomplete last line
    /// stays pending until its newline arrives.
    func readToEnd(_ fd: FileDescriptor, file: String, into out: inout [AuditReadRecord]) throws(AuditReadError) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let position = offset
            let result = chunk.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) -> Int in try fd.readBytes(into: raw, at: position) }
            }
            let n: Int
            switch result {
            case .success(let count): n = count
            case .failure(let error): throw AuditReadError(.unreadable, at: location(file), "cannot read: \(error)")
            }
            if n == 0 { return }
            offset += Int64(n)
            bytesRead += Int64(n)
            watch.remember(chunk[0..<n])
            var start = 0
            for i in 0..<n where chunk[i] == 0x0A {
                pending.append(contentsOf: chunk[start..<i])
                start = i + 1
                lineNumber = lineNumber.map { $0 + 1 }
                let lineStart = position + Int64(i) - Int64(pending.count)
                let record = try parse(pending, in: fd, file: file, at: lineStart, number: lineNumber)
                out.append(
                    AuditReadRecord(
                        record: record.record, line: String(decoding: pending, as: UTF8.self), location: record.location
                    ))
                pending.removeAll(keepingCapacity: true)
            }
            pending.append(contentsOf: chunk[start..<n])
            if pending.count > LineReader.maxLineBytes {
                let at = try countedLineNumber(of: position + Int64(n) - Int64(pending.count), in: fd, file: file)
                throw AuditReadError(
                    .invalidRecord, at: location(file, line: at), "line longer than \(LineReader.maxLineBytes) bytes")
            }
        }
    }

    /// Parses the line starting at byte `lineStart` of `fd`, numbered `number` when lines are
    /// counted; an error's location always names the line (counted now when needed).
    func parse(
        _ line: [UInt8], in fd: FileDescriptor, file: String, at lineStart: Int64, number: Int?
    ) throws(AuditReadError) -> (record: AuditRecord, location: AuditLocation) {
        let at = location(file, line: number)
        do {
            return (try FileRecordSource.parse(line, at: at), at)
        } catch {
            guard number == nil else { throw error }
            let counted = try countedLineNumber(of: lineStart, in: fd, file: file)
            throw AuditReadError(error.kind, at: location(file, line: counted), error.message)
        }
    }

    /// The 1-based number of the line starting at byte `lineStart` of `fd`.
    func countedLineNumber(of lineStart: Int64, in fd: FileDescriptor, file: String) throws(AuditReadError) -> Int {
        do { return try LineCounter.newlines(in: fd, before: lineStart) + 1 } catch {
            throw AuditReadError(.unreadable, at: location(file), "cannot read: \(error)")
        }
    }
}
