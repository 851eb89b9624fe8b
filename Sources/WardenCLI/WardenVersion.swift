/// The version of Warden, as `warden --version` prints it. The one place it is written: bump it
/// here for a release.
public enum WardenVersion {
    /// The release version, `MAJOR.MINOR.PATCH`.
    public static let current = "0.1.0"
}
