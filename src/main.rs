//! Entry point of the web app: mounts Coplanifier, nothing else.
fn main() {
    coplanifier::start();
}
