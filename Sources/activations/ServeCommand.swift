import ArgumentParser
import Foundation
import Playground

/// `activations serve`: the playground web app on this machine.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the playground: train networks live in the browser and watch what the activations do.",
        discussion: """
            Serves the playground page, the function gallery and the experiments report. It listens on \
            loopback (127.0.0.1) unless --host says otherwise, prints its address, and stops cleanly on Ctrl-C.
            """
    )

    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every network; :: for IPv6).")
    var host = "127.0.0.1"

    @Option(
        name: .customLong("allowed-host"),
        help:
            "A host name (besides IP addresses and localhost) by which browsers may reach the server, e.g. teacher.local; repeatable."
    )
    var allowedHosts: [String] = []

    @Option(help: "The port (0 picks a free one).")
    var port = 8080

    @Flag(help: "Open the page in the default browser.")
    var open = false

    @Option(help: "The experiments report folder (from 'activations report -o DIR'); ./report when it exists.")
    var experiments: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("the port must be 0…65535, got \(port)") }
        guard !host.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--host is empty; give an address, e.g. 127.0.0.1")
        }
    }

    func run() async throws {
        var configuration = PlaygroundServerConfiguration()
        (configuration.host, configuration.port, configuration.allowedHosts) = (host, port, allowedHosts)
        configuration.experimentsDirectory = URL(fileURLWithPath: experiments ?? "report")
        if let experiments, OutputPath.isDirectory(experiments) != true {
            FileHandle.standardError.write(
                Data(
                    "serve: warning: --experiments \(experiments) is not a folder; the Experiments tab offers to run the quick experiments instead\n"
                        .utf8))
        }
        let (open, exposed, host) = (self.open, !configuration.isLoopback, self.host)
        configuration.onRunning = { address in
            // Once listening: an address that cannot be listened on gets its error, not this warning first.
            if exposed { FileHandle.standardError.write(Data(Self.exposureWarning(host).utf8)) }
            FileHandle.standardOutput.write(Data("Playground at \(address)  (Ctrl-C to stop)\n".utf8))
            if let note = Self.networkNote(host: host, address: address) { FileHandle.standardOutput.write(Data(note.utf8)) }
            if open { Self.openBrowser(address) }
        }
        do { try await runPlayground(configuration) } catch let error as PlaygroundStartError {
            FileHandle.standardError.write(Data("serve: \(error)\n".utf8))
            throw ExitCode(69)  // EX_UNAVAILABLE
        }
        print("Playground stopped.")
    }

    /// For a wildcard host (every network), what to give the students: 0.0.0.0 (or ::) in the printed
    /// address is where the server listens, not an address another machine can open. The addresses are
    /// this machine's IPv4 ones, and for `::` its IPv6 ones too (`NetworkAddresses`); with none found,
    /// how to find one.
    static func networkNote(host: String, address: String) -> String? {
        guard NetworkAddresses.isWildcard(host), let port = address.split(separator: ":").last else { return nil }
        let addresses = NetworkAddresses.offered(listeningOn: host)
        guard addresses.isEmpty else {
            return addresses.map { "Other machines: http://\($0):\(port)\n" }.joined()
        }
        #if os(macOS)
            let find = "ipconfig getifaddr en0"
        #else
            let find = "hostname -I"
        #endif
        return "Other machines: http://<this machine's network address>:\(port) (find it with `\(find)`)\n"
    }

    static func exposureWarning(_ host: String) -> String {
        """
        serve: warning: listening on \(host), not on loopback. Anyone who can reach this machine on the network \
        (the same Wi-Fi, or the internet if the port is open) can open the playground, start sessions and train \
        on this machine's CPU. There are no accounts or passwords. Use it on a network you trust (a classroom), \
        and stop the server when the class ends. Use --host 127.0.0.1 for this machine only.

        """
    }

    static func openBrowser(_ address: String) {
        let process = Process()
        #if os(macOS)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open"]
        #endif
        process.arguments = (process.arguments ?? []) + [address]
        do { try process.run() } catch {
            FileHandle.standardError.write(
                Data("serve: could not open a browser (\(error)); open \(address) yourself\n".utf8))
        }
    }
}
