# cmake -DPYTHON=… -DGENERATOR=… -DCOMPARE=… -DCLI=… -DCASES=… [-DGENERATOR_ARGS=…] -P compare_trace.cmake
#
# Writes the cases with `PYTHON GENERATOR CASES [GENERATOR_ARGS]` (into an emptied directory, so no
# stale case survives a renamed one), then runs `PYTHON COMPARE CLI CASES`. Passes only if both
# exit 0 and the comparison ends with "N passed, 0 failed" for exactly the N cases that were
# written: a zero exit alone would also accept a comparison that silently skipped cases. Used for
# the trace cases and, with make_conv_cases.py and compare_conv_cli.py, for the conv/pool cases.
foreach(var PYTHON GENERATOR COMPARE CLI CASES)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "compare_trace.cmake: -D${var}=… is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${CASES}")
execute_process(COMMAND "${PYTHON}" "${GENERATOR}" "${CASES}" ${GENERATOR_ARGS}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} exited with ${status}")
endif()
file(GLOB cases "${CASES}/*.json")
list(LENGTH cases count)
if(count EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} wrote no *.json case into ${CASES}")
endif()

execute_process(COMMAND "${PYTHON}" "${COMPARE}" "${CLI}" "${CASES}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT status EQUAL 0)
  get_filename_component(compare_name "${COMPARE}" NAME)
  message(FATAL_ERROR "${compare_name} exited with ${status}")
endif()
if(NOT out MATCHES "(^|\n)${count} passed, 0 failed\n")
  message(FATAL_ERROR "expected \"${count} passed, 0 failed\" for the ${count} cases written")
endif()
