/// The release this source tree builds, and the commit a release build was made from.
enum SendoutVersion {
  /// The version number: the one place it is written (the CHANGELOG's top release heading names it too; a test
  /// checks that). `scripts/release.sh` names the archive after it.
  static let number = "0.1.0"

  /// What `sendout --version` prints: `sendout 0.1.0 (commit 1a2b3c4d5e6f)`, or `(commit unknown)` for a build
  /// that `scripts/release.sh` did not stamp (a plain `swift build` or `swift run`).
  static var line: String { "sendout \(number) (commit \(commit))" }

  #if SENDOUT_STAMPED
    /// The commit `scripts/release.sh` wrote into the git-ignored BuildStamp.generated.swift.
    static let commit = BuildStamp.commit
  #else
    /// No stamp: a development build.
    static let commit = "unknown"
  #endif
}
