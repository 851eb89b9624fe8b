import ArgumentParser

/// How a command prints its results: for people, or for programs.
public enum OutputFormat: String, Sendable, CaseIterable, ExpressibleByArgument {
    /// Lines for people to read.
    case text
    /// JSON for programs.
    case json
}
