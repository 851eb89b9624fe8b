import WardenPolicy
import WardenValue

/// One request of a `warden eval --requests` file: a JSON object on one line.
///
/// `{"actor": {"id": "...", "meta": {...}} | null, "action": "...", "resource": "...",
/// "meta": {...}, "scope": ["ns:policy", ...], "groups": ["ns:group", ...]}`. `action` and
/// `resource` are required; a missing or `null` actor is an absent actor; `scope` and `groups`
/// replace the command line's scope when either is given. Unknown keys are rejected, so a typo
/// cannot silently drop an attribute.
public struct RequestLine: Equatable, Sendable {
    /// The keys a line may hold.
    public static let keys = ["actor", "action", "resource", "meta", "scope", "groups"]

    /// The request.
    public var request: AuthorizationRequest
    /// The line's own scope; `nil` when it gives neither `scope` nor `groups`.
    public var scope: ScopeSpec?

    /// Creates a request line from its parts.
    public init(request: AuthorizationRequest, scope: ScopeSpec?) {
        self.request = request
        self.scope = scope
    }

    /// Parses one line of text.
    /// - Throws: ``RequestLineError`` saying what is wrong.
    public static func parse(_ text: String, lineNumber: Int = 1) throws(RequestLineError) -> RequestLine {
        try parse(Array(text.utf8), lineNumber: lineNumber)
    }

    /// Parses one line as read from the file (bytes, which may hold invalid UTF-8); JSON errors
    /// are placed at `line lineNumber, column C` of the file.
    /// - Throws: ``RequestLineError`` saying what is wrong.
    public static func parse(_ bytes: [UInt8], lineNumber: Int) throws(RequestLineError) -> RequestLine {
        let value: Value
        do {
            value = try Value(jsonBytes: bytes)
        } catch {
            throw .invalidJSON("not valid JSON: \(error.message) at line \(lineNumber), column \(error.column)")
        }
        return try parse(value: value)
    }

    /// Reads a request from a parsed JSON value (one request of a `POST /v1/decide` body).
    /// - Throws: ``RequestLineError`` saying what is wrong.
    public static func parse(value: Value) throws(RequestLineError) -> RequestLine {
        guard case .map(let object) = value else {
            throw .invalidValue("a request must be a JSON object, found \(value.typeName)")
        }
        // One pass over the members instead of a hashed look-up per key.
        var members = Members()
        var unknown: String?
        for (key, member) in object {
            switch key {
            case "action": members.action = member
            case "resource": members.resource = member
            case "actor": members.actor = member
            case "meta": members.meta = member
            case "scope": members.scope = member
            case "groups": members.groups = member
            default: unknown = min(unknown ?? key, key)  // the first in sorted order is named
            }
        }
        if let unknown {
            throw .unknownKey(
                "unknown key \(UserText.quoted(unknown)); a request has "
                    + keys.map { "`\($0)`" }.joined(separator: ", "))
        }
        let action = try requiredString(members.action, "action")
        let resource = try requiredString(members.resource, "resource")
        let actor = try readActor(members.actor)
        var meta: [String: Value] = [:]
        switch members.meta {
        case nil, .null?: break
        case .map(let map)?: meta = map
        case let other?: throw .invalidValue("`meta` must be an object, found \(other.typeName)")
        }
        var scope: ScopeSpec?
        if members.scope != nil || members.groups != nil {
            scope = ScopeSpec(
                policies: try strings(members.scope, "scope"), groups: try strings(members.groups, "groups"))
        }
        return RequestLine(
            request: AuthorizationRequest(actor: actor, action: action, resource: resource, meta: meta),
            scope: scope)
    }

    /// The members of a request object, as read in one pass.
    private struct Members {
        var action, resource, actor, meta, scope, groups: Value?
    }

    private static func requiredString(_ value: Value?, _ key: String) throws(RequestLineError) -> String {
        guard let value else { throw .missingKey("missing `\(key)`; add `\"\(key)\": \"...\"`") }
        guard case .string(let text) = value else {
            throw .invalidValue("`\(key)` must be a string, found \(value.typeName)")
        }
        return text
    }

    static func readActor(_ value: Value?) throws(RequestLineError) -> Actor? {
        switch value {
        case nil, .null?:
            return nil
        case .map(let object)?:
            var id: Value?
            var meta: Value?
            var unknown: String?
            for (key, member) in object {
                switch key {
                case "id": id = member
                case "meta": meta = member
                default: unknown = min(unknown ?? key, key)  // the first in sorted order is named
                }
            }
            if let unknown {
                throw .unknownKey("unknown key \(UserText.quoted(unknown)) in `actor`; an actor has `id` and `meta`")
            }
            guard case .string(let id)? = id else {
                throw .missingKey(
                    "`actor` needs a string `id`; write `{\"id\": \"u1\", \"meta\": {}}`, or `null` for no actor")
            }
            switch meta {
            case nil, .null?: return Actor(id: id)
            case .map(let meta)?: return Actor(id: id, meta: meta)
            case let other?: throw .invalidValue("`actor.meta` must be an object, found \(other.typeName)")
            }
        case let other?:
            throw .invalidValue("`actor` must be an object or null, found \(other.typeName)")
        }
    }

    static func strings(_ value: Value?, _ key: String) throws(RequestLineError) -> [String] {
        switch value {
        case nil, .null?: return []
        case .string(let text)?: return [text]
        case .list(let items)?:
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item, !text.isEmpty else {
                    throw .invalidValue("`\(key)` items must be non-empty strings, found \(item.typeName)")
                }
                result.append(text)
            }
            return result
        case let other?:
            throw .invalidValue("`\(key)` must be a list of ids, found \(other.typeName)")
        }
    }
}

/// Why a line of a requests file was rejected; each case carries a lowercase message that says
/// how to fix the line.
public enum RequestLineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line is not JSON.
    case invalidJSON(String)
    /// The line has a key a request does not have (`metta`).
    case unknownKey(String)
    /// `action`, `resource` or the actor's `id` is missing.
    case missingKey(String)
    /// A value has the wrong type (`"actor": "ops"`, `"meta": []`).
    case invalidValue(String)

    /// A stable kebab-case code, e.g. `unknown-key`.
    public var code: String {
        switch self {
        case .invalidJSON: "invalid-json"
        case .unknownKey: "unknown-key"
        case .missingKey: "missing-key"
        case .invalidValue: "invalid-value"
        }
    }

    /// The message.
    public var message: String {
        switch self {
        case .invalidJSON(let message), .unknownKey(let message), .missingKey(let message),
            .invalidValue(let message):
            message
        }
    }

    /// The message.
    public var description: String { message }
}
