import ArgumentParser
import WardenAuditReview

/// `--no-verify` of the review commands, which otherwise verify the log as they read it.
struct AuditVerifyReadingOptions: ParsableArguments {
    @Flag(
        name: .customLong("no-verify"),
        help: "Read without checking the chain (by default a break is reported on stderr and the exit code is 1).")
    var noVerify = false

    /// `reader`, verifying as it reads unless `--no-verify` was given.
    func apply(to reader: AuditReader) -> AuditReader { reader.verifying(!noVerify) }
}
