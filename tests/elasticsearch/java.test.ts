// Which JDK the local Elasticsearch runs on: found among fake JDK directories shaped like real ones.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findJdk } from '../../tooling/elasticsearch/java.ts';
import { MissingPrerequisiteError } from '../../tooling/elasticsearch/process.ts';

let jvmDir: string;

async function fakeJdk(name: string, version: string, tools = ['java', 'javac']): Promise<string> {
  const home = path.join(jvmDir, name);
  await mkdir(path.join(home, 'bin'), { recursive: true });
  await writeFile(path.join(home, 'release'), `IMPLEMENTOR="Test"\nJAVA_VERSION="${version}"\n`);
  for (const tool of tools) {
    await writeFile(path.join(home, 'bin', tool), '#!/bin/sh\n');
    await chmod(path.join(home, 'bin', tool), 0o755);
  }
  return home;
}

beforeEach(async () => {
  jvmDir = await mkdtemp(path.join(tmpdir(), 'jvm-'));
  vi.stubEnv('ES_JAVA_HOME', '');
  vi.stubEnv('JAVA_HOME', '');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(jvmDir, { recursive: true, force: true });
});

describe('findJdk', () => {
  it('picks the newest JDK of at least Java 21, ignoring older ones and bare JREs', async () => {
    await fakeJdk('java-17-openjdk-amd64', '17.0.15');
    await fakeJdk('temurin-21-jdk-amd64', '21.0.5');
    await fakeJdk('temurin-25-jre-amd64', '25.0.1', ['java']);
    expect(await findJdk(jvmDir)).toEqual({
      home: path.join(jvmDir, 'temurin-21-jdk-amd64'),
      majorVersion: 21,
    });
  });

  it('says what to install when only Java 17 is there', async () => {
    await fakeJdk('java-17-openjdk-amd64', '17.0.15');
    const failure = findJdk(jvmDir);
    await expect(failure).rejects.toBeInstanceOf(MissingPrerequisiteError);
    await expect(failure).rejects.toThrow(/JDK >= 21.*ES_JAVA_HOME/s);
  });

  it('uses ES_JAVA_HOME when set, and refuses it when it is too old rather than guessing', async () => {
    const jdk17 = await fakeJdk('java-17-openjdk-amd64', '17.0.15');
    const jdk25 = await fakeJdk('temurin-25-jdk-amd64', '25.0.1');
    await fakeJdk('temurin-26-jdk-amd64', '26');
    vi.stubEnv('ES_JAVA_HOME', jdk25);
    expect(await findJdk(jvmDir)).toEqual({ home: jdk25, majorVersion: 25 });
    vi.stubEnv('ES_JAVA_HOME', jdk17);
    await expect(findJdk(jvmDir)).rejects.toThrow(`ES_JAVA_HOME=${jdk17} is not a JDK >= 21`);
  });
});
