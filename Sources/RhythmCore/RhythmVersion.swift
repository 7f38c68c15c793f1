/// Rhythm's version, in one place: `rhythm --version` prints it.
///
/// A constant rather than something read from git at build time, so that a build from a
/// release tarball, without `.git`, says the same as one from the clone. It is raised in
/// the commit that is tagged for a release (`v` and this value), following Semantic
/// Versioning: the configuration file, the command line, the JSON API and the database
/// are the interfaces it speaks for.
public enum RhythmVersion {
    public static let current = "0.1.0"
}
