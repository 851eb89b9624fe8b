import Foundation
import WardenValue

/// The outcome of the last (re)load of the policies, as `GET /v1/policies` reports it.
public struct ReloadStatus: Sendable, Equatable {
    /// When the load finished.
    public var time: Date
    /// Whether the new set was swapped in.
    public var ok: Bool
    /// Every error diagnostic of a failed load.
    public var errors: [String]
    /// The files the set in force was read from.
    public var files: [String]

    /// The status as a JSON object: `{"time", "ok", "errors"}`, `time` in ISO 8601 UTC.
    var json: JSONObject {
        var object = JSONObject()
        object.add("time", .string(time.formatted(.iso8601)))
        object.add("ok", .bool(ok))
        object.add("errors", .list(errors.map(Value.string)))
        return object
    }
}
