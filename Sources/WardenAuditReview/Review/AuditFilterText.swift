import WardenAuditRecord

/// The filters of the review commands as text, the way a user writes them (`--since 1h`,
/// `?decision=deny`): one parser for `warden audit query`/`stats`/`tail` and for the service's
/// audit endpoints, so both select exactly the same records.
public struct AuditFilterText: Sendable, Hashable {
    /// Records at or after this time: RFC 3339 or an age (`30m`, `1h`, `2d`).
    public var since: String?
    /// Records before this time: RFC 3339 or an age.
    public var until: String?
    /// Actor id (glob).
    public var actor: String?
    /// Action of a check (glob).
    public var action: String?
    /// Resource of a check (glob).
    public var resource: String?
    /// Policy id among a check's deciding policies (glob).
    public var policy: String?
    /// Decision of the call: `allow` or `deny`.
    public var decision: String?
    /// The call (glob).
    public var op: String?
    /// The caller's PID, exactly.
    public var pid: String?
    /// The writing node, exactly.
    public var node: String?

    /// Creates filter text; with no arguments it selects every record.
    public init(
        since: String? = nil, until: String? = nil, actor: String? = nil, action: String? = nil,
        resource: String? = nil, policy: String? = nil, decision: String? = nil, op: String? = nil, pid: String? = nil,
        node: String? = nil
    ) {
        self.since = since
        self.until = until
        self.actor = actor
        self.action = action
        self.resource = resource
        self.policy = policy
        self.decision = decision
        self.op = op
        self.pid = pid
        self.node = node
    }

    /// The filter this text describes, with ages counted back from `now`.
    /// - Throws: ``AuditFilterTextError`` naming the field whose value does not parse.
    public func filter(now: AuditTime = .now()) throws(AuditFilterTextError) -> AuditFilter {
        var filter = AuditFilter()
        if let since { filter.since = try Self.time(since, field: "since", now: now) }
        if let until { filter.until = try Self.time(until, field: "until", now: now) }
        if let decision {
            guard let parsed = AuditDecision(rawValue: decision) else {
                throw AuditFilterTextError(field: "decision", value: decision, expected: "`allow` or `deny`")
            }
            filter.decision = parsed
        }
        filter.actor = actor.map(AuditGlob.init)
        filter.action = action.map(AuditGlob.init)
        filter.resource = resource.map(AuditGlob.init)
        filter.policy = policy.map(AuditGlob.init)
        filter.op = op.map(AuditGlob.init)
        filter.pid = pid
        filter.node = node
        return filter
    }

    /// The time `text` names: an RFC 3339 time (`2025-03-01T12:00:00Z`, a date `2025-03-01`) or an
    /// age before `now` (`90s`, `30m`, `1h`, `2d`, `1w`, or combined `1h30m`).
    /// - Throws: ``AuditFilterTextError`` for `field` when it is neither.
    public static func time(_ text: String, field: String, now: AuditTime) throws(AuditFilterTextError) -> AuditTime {
        if let time = AuditTime(rfc3339: text) { return time }
        if let age = age(text) { return now.adding(microseconds: -age) }
        throw AuditFilterTextError(
            field: field, value: text,
            expected: "an RFC 3339 time such as `2025-03-01T12:00:00Z` or an age such as `30m`, `1h`, `2d`")
    }

    /// Microseconds in `text` made of number-unit pairs (`s m h d w`); `nil` when malformed.
    public static func age(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        var total: Int64 = 0
        var digits = ""
        for c in text {
            if c.isASCII, c.isNumber {
                digits.append(c)
            } else if let unit = units[c], let n = Int64(digits) {
                let (seconds, o1) = n.multipliedReportingOverflow(by: unit)
                let (sum, o2) = total.addingReportingOverflow(seconds)
                guard !o1, !o2 else { return nil }
                total = sum
                digits = ""
            } else {
                return nil
            }
        }
        guard digits.isEmpty, !text.isEmpty else { return nil }
        let (micros, overflow) = total.multipliedReportingOverflow(by: 1_000_000)
        return overflow ? nil : micros
    }
}

/// A filter value that does not parse: which field, the value, and what was expected. Each front
/// end words it in its own terms (`--since` for the CLI, `since=` for a query parameter).
public struct AuditFilterTextError: Error, Sendable, Hashable {
    /// The filter's name, e.g. `since`.
    public var field: String
    /// The value given.
    public var value: String
    /// What a valid value looks like.
    public var expected: String

    /// Creates an error.
    public init(field: String, value: String, expected: String) {
        self.field = field
        self.value = value
        self.expected = expected
    }
}
