use clap::Parser;

fn main() {
    let cli = sunting::cli::Cli::parse();
    std::process::exit(sunting::cli::run(cli));
}
