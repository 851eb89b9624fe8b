import WardenAuditReview

/// Keeps the `capacity` records with the greatest ids among those offered, in one pass and
/// bounded memory: one page of `GET /v1/audit/records` out of a store of any size.
struct NewestRecords {
    private let capacity: Int
    /// Records ids ascending; those before `start` are dropped and removed in bulk later, so that
    /// the usual case (records offered in id order) costs O(1) per record.
    private var storage: [AuditReadRecord] = []
    private var start = 0

    /// Creates an empty keeper of at most `capacity` records.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage.reserveCapacity(2 * self.capacity + 1)
    }

    /// The kept records, ids ascending.
    var ascending: ArraySlice<AuditReadRecord> { storage[start...] }

    /// Offers a record; it is kept when it is among the newest seen so far.
    mutating func offer(_ record: AuditReadRecord) {
        let id = record.record.id
        let count = storage.count - start
        if count == capacity, !Self.precedes(storage[start].record.id, id) { return }
        if let last = storage.last, Self.precedes(id, last.record.id) {
            var low = start
            var high = storage.count
            while low < high {
                let middle = (low + high) / 2
                if Self.precedes(storage[middle].record.id, id) { low = middle + 1 } else { high = middle }
            }
            storage.insert(record, at: low)
        } else {
            storage.append(record)
        }
        if storage.count - start > capacity { start += 1 }
        if start >= capacity {
            storage.removeFirst(start)
            start = 0
        }
    }

    /// Whether id `a` sorts before id `b` (UTF-8 byte order: time order for UUIDv7 text).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
