package io.nexusliberty.it;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A caller workflow, as another team in any language could write it, that sends a Nexus operation
 * an input payload exactly as given: any encoding, or none, and any bytes.
 */
@WorkflowInterface
public interface RawNexusCaller {

  /**
   * Calls the operation and says how it ended.
   *
   * @param encoding the payload's {@code encoding} metadata, or null for a payload without any
   * @return {@code "ok"} and the result, or the handler error's type and retry behaviour, and its
   *     cause's type and message
   */
  @WorkflowMethod
  String call(String endpoint, String operation, String encoding, String data);
}
