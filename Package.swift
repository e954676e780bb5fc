// swift-tools-version:6.0
// Sendout: a Voucherify webhook sendout simulator. No package dependencies, by design.
// Linux only: SendoutIO calls Glibc directly (sockets, epoll, flock), so no other platform is declared.
import PackageDescription

let package = Package(
  name: "Sendout",
  products: [
    .library(name: "SendoutCore", targets: ["SendoutCore"]),
    .library(name: "SendoutAPI", targets: ["SendoutAPI"]),
    .library(name: "SendoutIO", targets: ["SendoutIO"]),
    .library(name: "SendoutSessions", targets: ["SendoutSessions"]),
    .executable(name: "sendout", targets: ["sendout"]),
  ],
  dependencies: [],
  targets: [
    // SHA-256 block compression with the x86 SHA extensions; our own code, used when the CPU has them.
    .target(name: "CSHA256Accel"),
    // The listener's scan for the end of each JSON string, sixteen bytes a step (SSE2), and the HTTP parser's for
    // line ends; our own code.
    .target(name: "CByteScan"),
    // epoll for the event loops of the HTTP server and the load generator (the Glibc module does not export it).
    .target(name: "CEventPoll"),
    .target(name: "SendoutCore", dependencies: ["CSHA256Accel"]),
    // The mock Voucherify API, pure: spec table, router, endpoints by domain, MockAPI.
    .target(name: "SendoutAPI", dependencies: ["SendoutCore"]),
    .target(name: "SendoutIO", dependencies: ["SendoutCore", "CByteScan", "CEventPoll"]),
    // One library call per command: fire, run, retry, load, listen (and serve, the dashboard).
    .target(name: "SendoutSessions", dependencies: ["SendoutCore", "SendoutAPI", "SendoutIO"]),
    .target(name: "SendoutTestSupport", dependencies: ["SendoutCore", "SendoutIO"]),
    .executableTarget(name: "sendout", dependencies: ["SendoutCore", "SendoutAPI", "SendoutIO", "SendoutSessions"]),
    .testTarget(
      name: "SendoutCoreTests", dependencies: ["SendoutCore", "SendoutTestSupport"], exclude: ["Snapshots"]),
    .testTarget(name: "SendoutAPITests", dependencies: ["SendoutAPI", "SendoutCore", "SendoutTestSupport"]),
    .testTarget(
      name: "SendoutIOTests",
      dependencies: ["CByteScan", "CEventPoll", "SendoutCore", "SendoutIO", "SendoutTestSupport"]),
    .testTarget(
      name: "SendoutSessionsTests",
      dependencies: ["SendoutCore", "SendoutAPI", "SendoutIO", "SendoutSessions", "SendoutTestSupport"]),
    .testTarget(name: "SendoutCLITests", dependencies: ["SendoutCore", "SendoutIO", "SendoutTestSupport"]),
  ]
)
