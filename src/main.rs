use clap::Parser;
use migreview::cli::{self, Cli};

fn main() {
    return_freed_blocks_to_the_system();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    let status = match cli.command {
        Some(command) => {
            // Buffered: a report of many lines is written in large blocks, not line by line.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            // Not locked: the progress of a long load is written to it from another thread.
            let mut err = std::io::stderr();
            let status = cli::run(command, &mut out, &mut err);
            match std::io::Write::flush(&mut out) {
                Ok(()) => status,
                Err(e) => cli::output_failed(&e, &mut err),
            }
        }
        None => open_window(cli.files, cli.workshop),
    };
    std::process::exit(status);
}

/// Large blocks (a million observations, hundreds of thousands of findings) are mapped on
/// their own from 1 MiB up, and given back to the system when freed. By default glibc raises
/// that threshold each time such a block is freed, up to 32 MiB, so that the lists built and
/// dropped on the way (the checks' index, each check's findings before they are gathered) stay
/// in the process: a `check` of 1M rows with 585,000 findings peaked at 497 MB instead of 406.
fn return_freed_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of the allocator; it is called before any thread
    // is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<std::path::PathBuf>, workshop: bool) -> i32 {
    migreview::app::run(files, workshop)
}

/// Built without the `gui` feature: there is no window to open.
#[cfg(not(feature = "gui"))]
fn open_window(_files: Vec<std::path::PathBuf>, _workshop: bool) -> i32 {
    eprintln!(
        "migreview: this build has no window (it was built without the `gui` feature); \
         run a subcommand, see --help"
    );
    cli::EXIT_INPUT
}
