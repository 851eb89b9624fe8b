import WardenGlob

/// Every action and resource pattern of a policy set, flattened into arrays of plain values
/// (bytes, segment ranges), so matching on the hot path copies and retains nothing.
final class MatchTable: Sendable {
    /// A run of bytes in ``bytes``.
    struct Segment: Sendable {
        var start: Int32
        var count: Int32
    }

    /// A glob: `count` consecutive segments from `first` (one segment: no `*`).
    struct Glob: Sendable {
        var first: Int32
        var count: Int32
    }

    /// A pattern: its glob, and for a trailing `.*` the glob of the text before it (or `-1`).
    struct Pattern: Sendable {
        var main: Int32
        var base: Int32
    }

    /// The patterns of one filter: `count` consecutive patterns from `first`.
    struct Filter: Sendable {
        var first: Int32
        var count: Int32
    }

    let bytes: [UInt8]
    let segments: [Segment]
    let globs: [Glob]
    let patterns: [Pattern]
    /// Per policy (by position): its action filter.
    let actions: [Filter]
    /// Per policy (by position): its resource filter.
    let resources: [Filter]

    init(_ policies: [CompiledPolicy]) {
        var bytes: [UInt8] = []
        var segments: [Segment] = []
        var globs: [Glob] = []
        var patterns: [Pattern] = []
        func add(_ glob: WardenGlob.Glob) -> Int32 {
            let first = Int32(segments.count)
            for segment in glob.segments {
                segments.append(Segment(start: Int32(bytes.count), count: Int32(segment.count)))
                bytes += segment
            }
            globs.append(Glob(first: first, count: Int32(glob.segments.count)))
            return Int32(globs.count - 1)
        }
        func add(_ filter: [GlobPattern]) -> Filter {
            let first = Int32(patterns.count)
            for pattern in filter {
                let main = add(pattern.main)
                let base = pattern.base.map(add) ?? -1
                patterns.append(Pattern(main: main, base: base))
            }
            return Filter(first: first, count: Int32(filter.count))
        }
        var actions: [Filter] = []
        var resources: [Filter] = []
        for policy in policies {
            actions.append(add(policy.actions))
            resources.append(add(policy.resources))
        }
        self.bytes = bytes
        self.segments = segments
        self.globs = globs
        self.patterns = patterns
        self.actions = actions
        self.resources = resources
    }

    /// Whether pattern `index` of `filter` matches `subject`.
    @inline(__always)
    func matches(_ filter: Filter, _ index: Int, _ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        let pattern = patterns[Int(filter.first) + index]
        if matches(glob: globs[Int(pattern.main)], subject) { return true }
        return pattern.base >= 0 && matches(glob: globs[Int(pattern.base)], subject)
    }

    /// Whether pattern `index` of `filter` matches `subject` (known already when `verified`)
    /// and no earlier pattern does.
    @inline(__always)
    func firstMatch(
        _ filter: Filter, _ index: Int, _ subject: UnsafeBufferPointer<UInt8>, verified: Bool = false
    ) -> Bool {
        guard verified || matches(filter, index, subject) else { return false }
        var earlier = 0
        while earlier < index {
            if matches(filter, earlier, subject) { return false }
            earlier += 1
        }
        return true
    }

    /// Whether any pattern of `filter` matches `subject`.
    @inline(__always)
    func anyMatch(_ filter: Filter, _ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < Int(filter.count) {
            if matches(filter, index, subject) { return true }
            index += 1
        }
        return false
    }

    private func matches(glob: Glob, _ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        let firstIndex = Int(glob.first)
        let first = segments[firstIndex]
        if glob.count == 1 { return subject.count == Int(first.count) && equal(subject, 0, first) }
        let last = segments[firstIndex + Int(glob.count) - 1]
        let end = subject.count - Int(last.count)
        guard end >= Int(first.count), equal(subject, 0, first), equal(subject, end, last) else { return false }
        var position = Int(first.count)
        var index = firstIndex + 1
        while index < firstIndex + Int(glob.count) - 1 {
            let segment = segments[index]
            guard let found = find(segment, subject, from: position, to: end) else { return false }
            position = found + Int(segment.count)
            index += 1
        }
        return true
    }

    @inline(__always)
    private func equal(_ subject: UnsafeBufferPointer<UInt8>, _ offset: Int, _ segment: Segment) -> Bool {
        var i = 0
        let start = Int(segment.start)
        while i < Int(segment.count) {
            if subject[offset + i] != bytes[start + i] { return false }
            i += 1
        }
        return true
    }

    private func find(_ segment: Segment, _ subject: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var start = from
        while start + Int(segment.count) <= to {
            if equal(subject, start, segment) { return start }
            start += 1
        }
        return nil
    }
}
