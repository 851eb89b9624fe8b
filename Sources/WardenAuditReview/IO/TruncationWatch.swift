import WardenAuditRecord

/// Notices a file cut in place (logrotate's `copytruncate`) under a reader that follows it: the
/// file is shorter than what was read, or the bytes just before the read position are no longer
/// the ones read there (cut, then written past that position again between two looks).
struct TruncationWatch {
    /// How many of the last bytes read are kept for comparison; a record line is about a
    /// kilobyte and holds its own hash, so this covers at least one whole record in practice.
    static let window = 4096

    /// The last bytes read, ending at the read position.
    private(set) var recent: [UInt8] = []

    /// Forgets what was read (reading starts over at the beginning of a file).
    mutating func reset() {
        recent.removeAll(keepingCapacity: true)
    }

    /// Notes bytes just read, in order.
    mutating func remember(_ bytes: ArraySlice<UInt8>) {
        recent.append(contentsOf: bytes)
        if recent.count > 2 * Self.window { recent.removeFirst(recent.count - Self.window) }
    }

    /// Notes the bytes of `fd` just before `offset` (after reading that far by other means).
    mutating func remember(_ fd: FileDescriptor, before offset: Int64) throws(SystemError) {
        reset()
        let length = Int(min(Int64(Self.window), offset))
        var bytes = [UInt8](repeating: 0, count: length)
        let n = try bytes.withUnsafeMutableBytes { raw in
            Result { () throws(SystemError) -> Int in try fd.readBytes(into: raw, at: offset - Int64(length)) }
        }.get()
        remember(bytes[0..<n])
    }

    /// Whether `fd`, read up to `offset`, was cut since.
    func wasTruncated(_ fd: FileDescriptor, readUpTo offset: Int64) throws(SystemError) -> Bool {
        if try fd.status().size < offset { return true }
        guard !recent.isEmpty else { return false }
        var now = [UInt8](repeating: 0, count: recent.count)
        let start = offset - Int64(recent.count)
        let n = try now.withUnsafeMutableBytes { raw in
            Result { () throws(SystemError) -> Int in try fd.readBytes(into: raw, at: start) }
        }.get()
        return n < recent.count || now != recent
    }
}
