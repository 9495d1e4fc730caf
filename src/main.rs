use clap::Parser;
use migreview::cli::{self, Cli};

fn main() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    let status = match cli.command {
        Some(command) => {
            let mut out = std::io::stdout().lock();
            // Not locked: the progress of a long load is written to it from another thread.
            let mut err = std::io::stderr();
            cli::run(command, &mut out, &mut err)
        }
        None => migreview::app::run(cli.files),
    };
    std::process::exit(status);
}
