fn main() {
    let p = std::env::args().nth(1).unwrap();
    let b = std::fs::read(p).unwrap();
    let a = matn::Cleaner::new().min_confidence(0.0).explain(true).clean_bytes(&b);
    match a { Ok(a) => { for r in a.removed() { println!("R [{}] {}", r.reason(), r.text().chars().take(70).collect::<String>()); } println!("conf {}", a.confidence()); for b in a.blocks() { println!("K {:?} {}", b.kind(), b.text().chars().take(70).collect::<String>()); } } Err(e) => println!("{e}") }
}
